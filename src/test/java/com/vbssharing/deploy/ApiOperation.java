package com.vbssharing.deploy;

import io.micronaut.http.HttpMethod;

import java.util.Set;

/**
 * Every operation of the API: its name, its route, the Lambda function that serves it in template.yaml, and exactly
 * the DynamoDB actions it performs (its IAM policy grants these and no others; TemplateTest holds the
 * template to this table, and the contract tests hold the code to it).
 */
public enum ApiOperation {
    CREATE_BACKUP("CreateBackup", "CreateBackupFunction", HttpMethod.POST, "/v3/{project_id}/backups", false,
            "GetItem", "Query", "PutItem", "UpdateItem"),
    LIST_BACKUPS("ListBackups", "ListBackupsFunction", HttpMethod.GET, "/v3/{project_id}/backups", false,
            "Query"),
    LIST_BACKUPS_DETAIL("ListBackupsDetail", "ListBackupsDetailFunction", HttpMethod.GET, "/v3/{project_id}/backups/detail", false,
            "Query"),
    GET_BACKUP("GetBackup", "GetBackupFunction", HttpMethod.GET, "/v3/{project_id}/backups/{backup_id}", false,
            "GetItem"),
    DELETE_BACKUP("DeleteBackup", "DeleteBackupFunction", HttpMethod.DELETE, "/v3/{project_id}/backups/{backup_id}", false,
            "GetItem", "Query", "UpdateItem", "DeleteItem"),
    UPDATE_BACKUP("UpdateBackup", "UpdateBackupFunction", HttpMethod.PUT, "/v3/{project_id}/backups/{backup_id}", false,
            "UpdateItem"),
    RESOURCE_FILTERS("ListResourceFilters", "ResourceFiltersFunction", HttpMethod.GET, "/v3/{project_id}/resource_filters", false),
    CREATE_SHARES("CreateShares", "CreateSharesFunction", HttpMethod.POST, "/v2/{project_id}/os-vendor-backup-sharing", false,
            "GetItem", "PutItem", "UpdateItem"),
    QUERY_SHARES("QueryShares", "QuerySharesFunction", HttpMethod.GET, "/v2/{project_id}/os-vendor-backup-sharing/detail", true,
            "GetItem", "Query", "BatchGetItem"),
    COUNT_SHARES("CountShares", "CountSharesFunction", HttpMethod.GET, "/v2/{project_id}/os-vendor-backup-sharing/count", true,
            "Query", "BatchGetItem"),
    GET_SHARE("GetShare", "GetShareFunction", HttpMethod.GET, "/v2/{project_id}/os-vendor-backup-sharing/{id}", false,
            "GetItem"),
    DELETE_SHARES("DeleteShares", "DeleteSharesFunction", HttpMethod.DELETE, "/v2/{project_id}/os-vendor-backup-sharing/{id}", true,
            "GetItem", "Query", "UpdateItem", "DeleteItem"),
    VERSIONS("ListApiVersions", "VersionsFunction", HttpMethod.GET, "/", false),
    BLOCK_STORAGE_VERSION("GetBlockStorageV3", "VersionsFunction", HttpMethod.GET, "/v3", false),
    VBS_VERSION("GetVbsV2", "VersionsFunction", HttpMethod.GET, "/v2", false),
    IDENTITY_VERSIONS("ListIdentityVersions", "VersionsFunction", HttpMethod.GET, "/identity", false),
    IDENTITY_VERSION("GetIdentityV3", "VersionsFunction", HttpMethod.GET, "/identity/v3", false),
    ISSUE_TOKEN("IssueToken", "IdentityFunction", HttpMethod.POST, "/identity/v3/auth/tokens", false),
    VALIDATE_TOKEN("ValidateToken", "IdentityFunction", HttpMethod.GET, "/identity/v3/auth/tokens", false),
    CATALOG("GetCatalog", "IdentityFunction", HttpMethod.GET, "/identity/v3/auth/catalog", false),
    PROJECTS("ListProjects", "IdentityFunction", HttpMethod.GET, "/identity/v3/auth/projects", false),
    PROJECT("GetProject", "IdentityFunction", HttpMethod.GET, "/identity/v3/projects/{id}", false);

    /** Every API function runs the same handler: Micronaut routes the proxy event to the operation's controller. */
    public static final String HANDLER = "com.vbssharing.lambda.ApiHandler";

    private final String operationId;
    private final String functionName;
    private final HttpMethod method;
    private final String path;
    private final boolean readsIndexes;
    private final Set<String> dynamoDbActions;

    ApiOperation(String operationId, String functionName, HttpMethod method, String path, boolean readsIndexes,
                 String... actions) {
        this.operationId = operationId;
        this.functionName = functionName;
        this.method = method;
        this.path = path;
        this.readsIndexes = readsIndexes;
        this.dynamoDbActions = Set.of(actions);
    }

    /** The {@code @OperationId} of the controller method, the OpenAPI operationId and the metrics' dimension. */
    public String operationId() {
        return operationId;
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
