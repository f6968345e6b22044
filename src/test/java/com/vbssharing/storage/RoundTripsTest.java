package com.vbssharing.storage;

import com.vbssharing.support.Api;
import com.vbssharing.support.Backups;
import com.vbssharing.support.DynamoDbCallRecorder;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.RecordingApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * DynamoDB round trips per API request, held to the minimum the data model allows (docs/data-model.md,
 * docs/performance.md section 3), and what the share reads among them fetch. A request that starts making an extra
 * call, or reading share items whole, fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripsTest {

    /** What every read of share items asks for (docs/data-model.md): not the items' table and index keys. */
    private static final String SHARE_ATTRIBUTES = "share_id, backup_id, from_project_id, to_project_id, created_at, "
            + "updated_at";

    private RecordingApp app;
    private DynamoDbCallRecorder recorder;
    private Api api;

    @BeforeAll
    void start() {
        app = RecordingApp.start(Map.of("vbs.snapstart.priming", false));
        recorder = app.recorder();
        api = app.api();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void backupOperations() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String v3 = "/v3/" + owner.projectId() + "/backups";
        // A backup reads its volume's head first: the volume's newest available backup, its parent if any.
        String created = calls(2, List.of("GetItem", "PutItem"), () -> owner.post(v3, Backups.body("a")), 202)
                .json().get("backup").get("id").asText();
        String available = Fixtures.availableBackup(owner.projectId(), "b");
        calls(1, List.of("GetItem"), () -> owner.get(v3 + "/" + created), 200);
        calls(1, List.of("Query"), () -> owner.get(v3), 200);
        calls(1, List.of("Query"), () -> owner.get(v3 + "/detail?sort_key=name&limit=1&with_count=true"), 200);
        calls(1, List.of("UpdateItem"), () -> api.call("PUT", v3 + "/" + created, Map.of("X-Auth-Token",
                Tokens.forProject(owner.projectId()), "OpenStack-API-Version", "volume 3.9",
                "Content-Type", "application/json"), "{\"backup\":{\"name\":\"renamed\"}}"), 200);
        calls(1, List.of("DeleteItem"), () -> owner.delete(v3 + "/" + available), 202);
    }

    @Test
    void anIncrementalBackupIsWrittenWithItsParentAndDeletedWithIt() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String v3 = "/v3/" + owner.projectId() + "/backups";
        String volume = java.util.UUID.randomUUID().toString();
        String parent = Fixtures.backup(owner.projectId(), "parent", com.vbssharing.backup.BackupStatus.AVAILABLE,
                volume).id();
        recorder.drain();
        String child = calls(2, List.of("GetItem", "TransactWriteItems"), () -> owner.post(v3,
                "{\"backup\":{\"volume_id\":\"" + volume + "\",\"snapshot_id\":\"" + java.util.UUID.randomUUID()
                        + "\"}}"), 202).json().get("backup").get("id").asText();
        // The conditional delete refuses a backup in a chain and answers with the item: one transaction follows.
        calls(2, List.of("DeleteItem", "TransactWriteItems"), () -> owner.delete(v3 + "/" + parent), 202);
        assertEquals(200, owner.get(v3 + "/" + child).status());
    }

    @Test
    void deletingASharedBackupRemovesItsSharesInOneTransaction() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String backup = Fixtures.availableBackup(owner.projectId(), "shared");
        share(owner, backup, Tokens.newProjectId());
        calls(3, List.of("DeleteItem", "Query", "TransactWriteItems"),
                () -> owner.delete("/v3/" + owner.projectId() + "/backups/" + backup), 202);
    }

    @Test
    void shareOperations() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        Api.Caller receiver = api.as(Tokens.newProjectId());
        String v2 = "/v2/" + owner.projectId() + "/os-vendor-backup-sharing";
        String backup = Fixtures.availableBackup(owner.projectId(), "shared");
        String other = Fixtures.availableBackup(owner.projectId(), "other");
        recorder.drain();

        String shareId = calls(1, List.of("TransactWriteItems"), () -> owner.post(v2, body(backup, receiver.projectId())),
                200).json().get("shared").get(0).get("id").asText();
        String newest = share(owner, other, Tokens.newProjectId());

        calls(2, List.of("Query", "BatchGetItem"), () -> owner.get(v2 + "/detail"), 200);
        // An offset first skips shares reading only their keys: one more Query (per 1 MB of index skipped).
        calls(3, List.of("Query", "Query", "BatchGetItem"), () -> owner.get(v2 + "/detail?limit=1&offset=1"), 200);
        calls(3, List.of("GetItem", "Query", "BatchGetItem"), () -> owner.get(v2 + "/detail?limit=1&marker=" + newest), 200);
        calls(2, List.of("Query", "BatchGetItem"), () -> owner.get(v2 + "/detail?backup_id=" + backup), 200);
        calls(2, List.of("Query", "BatchGetItem"),
                () -> receiver.get("/v2/" + receiver.projectId() + "/os-vendor-backup-sharing/detail?share_to_me=true"), 200);
        calls(1, List.of("Query"), () -> owner.get(v2 + "/count"), 200);
        // The owner's count of one backup's shares: the consistent base-table read alone, no backup join.
        calls(1, List.of("Query"), () -> owner.get(v2 + "/count?backup_id=" + backup), 200);
        calls(2, List.of("GetItem", "GetItem"), () -> owner.get(v2 + "/" + shareId), 200);
        calls(2, List.of("GetItem", "TransactWriteItems"), () -> owner.delete(v2 + "/" + shareId), 200);
        calls(2, List.of("Query", "TransactWriteItems"), () -> owner.delete(v2 + "/" + other + "?is_backup_id=true"), 200);
    }

    /** Half of a share item's attributes are its keys: left out, the SDK has that much less to unmarshal. */
    @Test
    void shareReadsAskForTheSharesAttributesOnly() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        Api.Caller receiver = api.as(Tokens.newProjectId());
        String v2 = "/v2/" + owner.projectId() + "/os-vendor-backup-sharing";
        String backup = Fixtures.availableBackup(owner.projectId(), "shared");
        Api.Response shared = owner.post(v2, body(backup, receiver.projectId()));
        assertEquals(200, shared.status(), shared::toString);
        String shareId = shared.json().get("shared").get(0).get("id").asText();

        List<SdkRequest> shareReads = new ArrayList<>();
        shareReads.addAll(shareReadsOf(() -> owner.get(v2 + "/detail")));
        shareReads.addAll(shareReadsOf(() -> owner.get(v2 + "/detail?limit=1&marker=" + shareId)));
        shareReads.addAll(shareReadsOf(() -> owner.get(v2 + "/detail?sort_key=name")));
        shareReads.addAll(shareReadsOf(() -> owner.get(v2 + "/detail?backup_id=" + backup)));
        shareReads.addAll(shareReadsOf(() -> receiver.get("/v2/" + receiver.projectId()
                + "/os-vendor-backup-sharing/detail?share_to_me=true")));
        shareReads.addAll(shareReadsOf(() -> owner.get(v2 + "/" + shareId)));
        shareReads.addAll(shareReadsOf(() -> owner.delete(v2 + "/" + backup + "?is_backup_id=true")));

        assertEquals(8, shareReads.size(), "share reads seen: " + shareReads);
        for (SdkRequest read : shareReads) {
            String projection = read instanceof QueryRequest query ? query.projectionExpression()
                    : ((GetItemRequest) read).projectionExpression();
            assertEquals(SHARE_ATTRIBUTES, projection, read::toString);
        }
    }

    /** The calls one request made that return share items: index and share-prefix Queries, lookup GetItems. */
    private List<SdkRequest> shareReadsOf(Supplier<Api.Response> request) {
        recorder.drain();
        Api.Response response = request.get();
        assertFalse(response.status() >= 400, response::toString);
        return recorder.drainRequests().stream().filter(RoundTripsTest::readsShareItems).toList();
    }

    private static boolean readsShareItems(SdkRequest request) {
        if (request instanceof QueryRequest query) {
            boolean ofShares = query.indexName() != null || query.expressionAttributeValues().values().stream()
                    .map(AttributeValue::s).anyMatch(value -> value != null && value.startsWith("SHARE#"));
            return ofShares && query.select() != Select.COUNT;
        }
        return request instanceof GetItemRequest get && get.key().get("pk").s().startsWith("SHAREID#");
    }

    /** Shares outside any measurement; the new share's id. */
    private String share(Api.Caller owner, String backup, String target) {
        Api.Response response = owner.post("/v2/" + owner.projectId() + "/os-vendor-backup-sharing", body(backup, target));
        assertEquals(200, response.status(), response::toString);
        recorder.drain();
        return response.json().get("shared").get(0).get("id").asText();
    }

    private static String body(String backup, String target) {
        return "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\"" + target + "\"]}}";
    }

    /** Makes the request; asserts its status, its number of round trips and the calls in order. */
    private Api.Response calls(int roundTrips, List<String> operations, Supplier<Api.Response> request, int status) {
        recorder.drain();
        Api.Response response = request.get();
        assertEquals(status, response.status(), response::toString);
        int made = recorder.roundTrips();
        List<String> recorded = recorder.drainOperations();
        assertEquals(operations, recorded, "DynamoDB calls");
        assertEquals(roundTrips, made, "round trips");
        return response;
    }
}
