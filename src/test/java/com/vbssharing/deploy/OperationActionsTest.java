package com.vbssharing.deploy;


import com.vbssharing.support.Api;
import com.vbssharing.support.DynamoDbCallRecorder;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.RecordingApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the code to the table of DynamoDB actions per operation (ApiOperation), which TemplateTest holds the
 * template to: every call an operation makes, on its success and failure paths, is one its policy grants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationActionsTest {

    private RecordingApp app;
    private DynamoDbCallRecorder recorder;
    private Api api;
    private final Map<ApiOperation, Set<String>> used = new EnumMap<>(ApiOperation.class);

    @BeforeAll
    void start() {
        app = RecordingApp.start(Map.of());
        recorder = app.recorder();
        api = app.api();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void everyOperationOnlyCallsWhatItsPolicyGrants() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        Api.Caller receiver = api.as(Tokens.newProjectId());
        String p = owner.projectId();
        String v2 = "/v2/" + p + "/os-vendor-backup-sharing";

        String created = record(ApiOperation.CREATE_BACKUP, () -> owner.post("/v3/" + p + "/backups",
                com.vbssharing.support.Backups.body("a"))).json().get("backup").get("id").asText();
        record(ApiOperation.GET_BACKUP, () -> owner.get("/v3/" + p + "/backups/" + created));
        record(ApiOperation.LIST_BACKUPS, () -> owner.get("/v3/" + p + "/backups"));
        record(ApiOperation.LIST_BACKUPS_DETAIL, () -> owner.get("/v3/" + p + "/backups/detail"));

        String backup = Fixtures.availableBackup(p, "shared");
        String shareId = record(ApiOperation.CREATE_SHARES, () -> owner.post(v2,
                "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\"" + receiver.projectId() + "\"]}}"))
                .json().get("shared").get(0).get("id").asText();
        record(ApiOperation.CREATE_SHARES, () -> owner.post(v2,
                "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\"" + receiver.projectId() + "\"]}}"));
        record(ApiOperation.CREATE_SHARES, () -> owner.post(v2,
                "{\"shared\":{\"backup_id\":\"" + UUID.randomUUID() + "\",\"to_project_ids\":[\"" + receiver.projectId() + "\"]}}"));
        for (String query : new String[]{"", "?backup_id=" + backup, "?sort_key=name", "?marker=" + shareId,
                "?sort_key=size&marker=" + shareId, "?name=x"}) {
            record(ApiOperation.QUERY_SHARES, () -> owner.get(v2 + "/detail" + query));
            record(ApiOperation.COUNT_SHARES, () -> owner.get(v2 + "/count" + query));
        }
        record(ApiOperation.GET_SHARE, () -> owner.get(v2 + "/" + shareId));
        record(ApiOperation.DELETE_SHARES, () -> receiver.delete("/v2/" + receiver.projectId()
                + "/os-vendor-backup-sharing/" + backup + "?is_backup_id=true"));
        record(ApiOperation.DELETE_SHARES, () -> owner.delete(v2 + "/" + shareId));
        owner.post(v2, "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\"" + receiver.projectId() + "\"]}}");
        record(ApiOperation.DELETE_SHARES, () -> owner.delete(v2 + "/" + backup + "?is_backup_id=true"));
        owner.post(v2, "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\"" + receiver.projectId() + "\"]}}");
        record(ApiOperation.DELETE_BACKUP, () -> owner.delete("/v3/" + p + "/backups/" + backup));
        String unshared = Fixtures.availableBackup(p, "plain");
        record(ApiOperation.DELETE_BACKUP, () -> owner.delete("/v3/" + p + "/backups/" + unshared));

        // A chain: an incremental backup on an available one, then the parent deleted under it.
        String volume = UUID.randomUUID().toString();
        String parent = Fixtures.backup(p, "parent", com.vbssharing.backup.BackupStatus.AVAILABLE, volume).id();
        String child = record(ApiOperation.CREATE_BACKUP, () -> owner.post("/v3/" + p + "/backups",
                "{\"backup\":{\"volume_id\":\"" + volume + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\"}}"))
                .json().get("backup").get("id").asText();
        record(ApiOperation.DELETE_BACKUP, () -> owner.delete("/v3/" + p + "/backups/" + parent));
        String token = com.vbssharing.support.Tokens.forProject(p);
        Map<String, String> versioned = Map.of("X-Auth-Token", token, "OpenStack-API-Version", "volume latest",
                "Content-Type", "application/json");
        record(ApiOperation.UPDATE_BACKUP, () -> api.call("PUT", "/v3/" + p + "/backups/" + child, versioned,
                "{\"backup\":{\"name\":\"renamed\",\"metadata\":{\"k\":\"v\"}}}"));
        record(ApiOperation.RESOURCE_FILTERS, () -> api.call("GET", "/v3/" + p + "/resource_filters", versioned, null));

        Map<String, String> auth = Map.of("X-Auth-Token", token, "X-Subject-Token", token,
                "Content-Type", "application/json");
        record(ApiOperation.VERSIONS, () -> api.call("GET", "/", Map.of(), null));
        record(ApiOperation.BLOCK_STORAGE_VERSION, () -> api.call("GET", "/v3", Map.of(), null));
        record(ApiOperation.VBS_VERSION, () -> api.call("GET", "/v2", Map.of(), null));
        record(ApiOperation.IDENTITY_VERSIONS, () -> api.call("GET", "/identity", Map.of(), null));
        record(ApiOperation.IDENTITY_VERSION, () -> api.call("GET", "/identity/v3", Map.of(), null));
        record(ApiOperation.ISSUE_TOKEN, () -> api.call("POST", "/identity/v3/auth/tokens", auth,
                "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + token + "\"}}}}"));
        record(ApiOperation.VALIDATE_TOKEN, () -> api.call("GET", "/identity/v3/auth/tokens", auth, null));
        record(ApiOperation.CATALOG, () -> api.call("GET", "/identity/v3/auth/catalog", auth, null));
        record(ApiOperation.PROJECTS, () -> api.call("GET", "/identity/v3/auth/projects", auth, null));
        record(ApiOperation.PROJECT, () -> api.call("GET", "/identity/v3/projects/" + p, auth, null));

        assertEquals(Set.of(ApiOperation.values()), used.keySet(), "every operation was exercised");
        used.forEach((operation, actions) -> assertTrue(operation.dynamoDbActions().containsAll(actions),
                operation + " called " + actions + " but its policy grants " + operation.dynamoDbActions()));
    }

    private Api.Response record(ApiOperation operation, Supplier<Api.Response> call) {
        recorder.drain();
        Api.Response response = call.get();
        assertTrue(response.status() < 500, response::toString);
        used.computeIfAbsent(operation, k -> new HashSet<>()).addAll(recorder.drain());
        return response;
    }
}
