package com.vbssharing.sharing.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.support.Api;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.MotoServer;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.vbssharing.aws.LocalEndpoint;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EventBridge-driven sharing through the real handler and service code; rejected requests land in an SQS
 * dead-letter queue (moto's, reached by the real AWS SDK) with their reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareAutomationTest {

    private MotoServer moto;
    private SqsClient sqs;
    private String queueUrl;
    private ApplicationContext context;
    private ShareRequestHandler handler;

    @BeforeAll
    void start() throws Exception {
        TestApp.get();
        moto = MotoServer.start();
        sqs = LocalEndpoint.apply(SqsClient.builder(), moto.endpoint()).region(Region.US_EAST_1).build();
        queueUrl = sqs.createQueue(b -> b.queueName("share-requests-dlq")).queueUrl();
        Map<String, Object> properties = TestApp.quietContextProperties();
        properties.put("vbs.automation.sqs-endpoint", moto.endpoint());
        properties.put("vbs.automation.dead-letter-queue-url", queueUrl);
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        handler = new ShareRequestHandler(context);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static Map<String, Object> event(String detailType, Map<String, Object> detail) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", "com.example.automation");
        event.put("account", "123456789012");
        event.put("time", "2026-11-22T12:00:00Z");
        event.put("region", "us-east-1");
        event.put("resources", List.of());
        event.put("detail", detail);
        return event;
    }

    private List<Share> sharesOf(String owner, String backup) {
        return context.getBean(ShareRepository.class).findByBackup(owner, backup);
    }

    @Test
    void shareAndUnshareRequestsRunTheServiceCode() {
        String owner = Tokens.newProjectId();
        String backup = Fixtures.availableBackup(owner, "automated");
        String a = Tokens.newProjectId();
        String b = Tokens.newProjectId();
        Map<String, Object> result = handler.handleRequest(event(ShareAutomation.SHARE_REQUESTED,
                Map.of("project_id", owner, "backup_id", backup, "to_project_ids", List.of(a, b))), new MockLambdaContext());
        assertEquals("shared", result.get("outcome"), result::toString);
        assertEquals(2, ((List<?>) result.get("share_ids")).size());
        assertEquals(2, sharesOf(owner, backup).size());

        result = handler.handleRequest(event(ShareAutomation.UNSHARE_REQUESTED,
                Map.of("project_id", owner, "backup_id", backup, "to_project_ids", List.of(a))), new MockLambdaContext());
        assertEquals("unshared", result.get("outcome"), result::toString);
        assertEquals(List.of(b), sharesOf(owner, backup).stream().map(Share::toProjectId).toList());

        result = handler.handleRequest(event(ShareAutomation.UNSHARE_REQUESTED,
                Map.of("project_id", owner, "backup_id", backup)), new MockLambdaContext());
        assertEquals("unshared", result.get("outcome"), result::toString);
        assertEquals(0, sharesOf(owner, backup).size());
    }

    @Test
    void invalidOrConflictingRequestsGoToTheDeadLetterQueueWithTheReason() throws Exception {
        String owner = Tokens.newProjectId();
        String backup = Fixtures.availableBackup(owner, "rejected");
        String target = Tokens.newProjectId();
        handler.handleRequest(event(ShareAutomation.SHARE_REQUESTED,
                Map.of("project_id", owner, "backup_id", backup, "to_project_ids", List.of(target))), new MockLambdaContext());

        List<Map<String, Object>> rejectedEvents = List.of(
                event(ShareAutomation.SHARE_REQUESTED, Map.of("project_id", owner, "backup_id", backup,
                        "to_project_ids", List.of("not-a-project"))),
                event(ShareAutomation.SHARE_REQUESTED, Map.of("project_id", owner, "backup_id", backup,
                        "to_project_ids", List.of(target))),
                event(ShareAutomation.UNSHARE_REQUESTED, Map.of("project_id", owner, "backup_id", backup,
                        "to_project_ids", List.of(Tokens.newProjectId()))),
                event("Backup Teleport Requested", Map.of("project_id", owner)),
                event(ShareAutomation.SHARE_REQUESTED, Map.of("backup_id", backup, "to_project_ids", List.of(target))));
        List<String> expectedReasons = List.of("not-a-project", "already shared", "is not shared with",
                "Unknown detail-type", "project_id");
        List<Integer> expectedStatuses = List.of(400, 409, 404, 400, 400);
        for (Map<String, Object> event : rejectedEvents) {
            Map<String, Object> result = handler.handleRequest(event, new MockLambdaContext());
            assertEquals("rejected", result.get("outcome"), result::toString);
        }

        Map<String, JsonNode> letters = new HashMap<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (letters.size() < rejectedEvents.size() && System.currentTimeMillis() < deadline) {
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                JsonNode letter = Api.JSON.readTree(message.body());
                letters.put(letter.get("event").get("id").asText(), letter);
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        for (int i = 0; i < rejectedEvents.size(); i++) {
            JsonNode letter = letters.get((String) rejectedEvents.get(i).get("id"));
            assertTrue(letter != null, "dead letter for event " + i);
            String reason = letter.get("reason").asText();
            assertTrue(reason.contains(expectedReasons.get(i)), reason);
            assertEquals(expectedStatuses.get(i).intValue(), letter.get("status").asInt(), reason);
            assertEquals(rejectedEvents.get(i).get("detail-type"), letter.get("event").get("detail-type").asText());
        }
        assertEquals(1, sharesOf(owner, backup).size(), "nothing was written by the rejected requests");
    }
}
