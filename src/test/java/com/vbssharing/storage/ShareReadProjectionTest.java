package com.vbssharing.storage;

import com.vbssharing.support.Api;
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
 * Every read of share items asks DynamoDB for the share's own attributes only, not the items' table and index keys
 * (docs/data-model.md, "Access patterns"): the SDK then unmarshals half the attributes per share. The answers stay
 * whole; the API contract tests hold their fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareReadProjectionTest {

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
    void shareReadsAskForTheSharesAttributesOnly() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        Api.Caller receiver = api.as(Tokens.newProjectId());
        String v2 = "/v2/" + owner.projectId() + "/os-vendor-backup-sharing";
        String backup = Fixtures.availableBackup(owner.projectId(), "shared");
        Api.Response shared = owner.post(v2, "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\""
                + receiver.projectId() + "\"]}}");
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
        return recorder.drainRequests().stream().filter(ShareReadProjectionTest::readsShareItems).toList();
    }

    private static boolean readsShareItems(SdkRequest request) {
        if (request instanceof QueryRequest query) {
            boolean ofShares = query.indexName() != null || query.expressionAttributeValues().values().stream()
                    .map(AttributeValue::s).anyMatch(value -> value != null && value.startsWith("SHARE#"));
            return ofShares && query.select() != Select.COUNT;
        }
        return request instanceof GetItemRequest get && get.key().get("pk").s().startsWith("SHAREID#");
    }
}
