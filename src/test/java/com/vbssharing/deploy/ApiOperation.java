package com.vbssharing.deploy;

import io.micronaut.http.HttpMethod;

import java.util.Set;

/**
 * Every operation of the API: its route, the Lambda function that serves it in template.yaml, and exactly
 * the DynamoDB actions it performs (its IAM policy grants these and no others; TemplateTest holds the
 * template to this table, and the contract tests hold the code to it).
 */
public enum ApiOperation {
    CREATE_BACKUP("CreateBackupFunction", HttpMethod.POST, "/v3/{project_id}/backups", false,
            "Query", "PutItem", "UpdateItem"),
    LIST_BACKUPS("ListBackupsFunction", HttpMethod.GET, "/v3/{project_id}/backups", false,
            "Query"),
    LIST_BACKUPS_DETAIL("ListBackupsDetailFunction", HttpMethod.GET, "/v3/{project_id}/backups/detail", false,
            "Query"),
    GET_BACKUP("GetBackupFunction", HttpMethod.GET, "/v3/{project_id}/backups/{backup_id}", false,
            "GetItem"),
    DELETE_BACKUP("DeleteBackupFunction", HttpMethod.DELETE, "/v3/{project_id}/backups/{backup_id}", false,
            "GetItem", "Query", "UpdateItem", "DeleteItem"),
    UPDATE_BACKUP("UpdateBackupFunction", HttpMethod.PUT, "/v3/{project_id}/backups/{backup_id}", false,
            "UpdateItem"),
    RESOURCE_FILTERS("ResourceFiltersFunction", HttpMethod.GET, "/v3/{project_id}/resource_filters", false),
    CREATE_SHARES("CreateSharesFunction", HttpMethod.POST, "/v2/{project_id}/os-vendor-backup-sharing", false,
            "GetItem", "PutItem", "UpdateItem"),
    QUERY_SHARES("QuerySharesFunction", HttpMethod.GET, "/v2/{project_id}/os-vendor-backup-sharing/detail", true,
            "GetItem", "Query", "BatchGetItem"),
    COUNT_SHARES("CountSharesFunction", HttpMethod.GET, "/v2/{project_id}/os-vendor-backup-sharing/count", true,
            "Query", "BatchGetItem"),
    GET_SHARE("GetShareFunction", HttpMethod.GET, "/v2/{project_id}/os-vendor-backup-sharing/{id}", false,
            "GetItem"),
    DELETE_SHARES("DeleteSharesFunction", HttpMethod.DELETE, "/v2/{project_id}/os-vendor-backup-sharing/{id}", true,
            "GetItem", "Query", "UpdateItem", "DeleteItem"),
    VERSIONS("VersionsFunction", HttpMethod.GET, "/", false),
    BLOCK_STORAGE_VERSION("VersionsFunction", HttpMethod.GET, "/v3", false),
    VBS_VERSION("VersionsFunction", HttpMethod.GET, "/v2", false),
    IDENTITY_VERSIONS("VersionsFunction", HttpMethod.GET, "/identity", false),
    IDENTITY_VERSION("VersionsFunction", HttpMethod.GET, "/identity/v3", false),
    ISSUE_TOKEN("IdentityFunction", HttpMethod.POST, "/identity/v3/auth/tokens", false),
    VALIDATE_TOKEN("IdentityFunction", HttpMethod.GET, "/identity/v3/auth/tokens", false),
    CATALOG("IdentityFunction", HttpMethod.GET, "/identity/v3/auth/catalog", false),
    PROJECTS("IdentityFunction", HttpMethod.GET, "/identity/v3/auth/projects", false),
    PROJECT("IdentityFunction", HttpMethod.GET, "/identity/v3/projects/{id}", false);

    /** Every API function runs the same handler: Micronaut routes the proxy event to the operation's controller. */
    public static final String HANDLER = "com.vbssharing.lambda.ApiHandler";

    private final String functionName;
    private final HttpMethod method;
    private final String path;
    private final boolean readsIndexes;
    private final Set<String> dynamoDbActions;

    ApiOperation(String functionName, HttpMethod method, String path, boolean readsIndexes, String... actions) {
        this.functionName = functionName;
        this.method = method;
        this.path = path;
        this.readsIndexes = readsIndexes;
        this.dynamoDbActions = Set.of(actions);
    }

    public String functionName() {
        return functionName;
    }

    public HttpMethod method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Whether the operation queries a global secondary index (its policy then also names the index ARNs). */
    public boolean readsIndexes() {
        return readsIndexes;
    }

    /** DynamoDB API action names, without the {@code dynamodb:} prefix. */
    public Set<String> dynamoDbActions() {
        return dynamoDbActions;
    }
}
