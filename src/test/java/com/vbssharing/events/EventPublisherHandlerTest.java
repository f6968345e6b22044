package com.vbssharing.events;

import com.vbssharing.storage.TableChanges;
import com.vbssharing.support.PutEventsCaptureServer;
import com.vbssharing.support.TableStream;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vbssharing.api.Timestamps;
import com.vbssharing.support.Api;
import com.vbssharing.support.Backups;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.MetricsOutput;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream-to-EventBridge publisher end to end: real stream records read from DynamoDB Local after real API
 * calls, handed to the Lambda handler in the Lambda event model, published by the real SDK client to a capture
 * server that answers like EventBridge.
 */
class EventPublisherHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENTRY_FIELDS = Set.of("Time", "Source", "Resources", "DetailType", "Detail", "EventBusName");

    private static PutEventsCaptureServer eventBridge;
    private static ApplicationContext context;
    private static EventPublisherHandler handler;

    private final Api api = HttpApi.get();

    @BeforeAll
    static void start() throws IOException {
        eventBridge = new PutEventsCaptureServer();
        Map<String, Object> properties = new HashMap<>(TestApp.properties(TestApp.get().endpoint()));
        properties.put("vbs.events.endpoint-override", eventBridge.endpoint());
        properties.put("vbs.events.bus-name", "test-bus");
        properties.put("vbs.worker.local-stream-poller.enabled", false);
        // The metrics documents a batch writes, as in Lambda (EventsPublished, EventsFailed).
        properties.put("vbs.metrics.enabled", true);
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        handler = new EventPublisherHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
        eventBridge.close();
    }

    @BeforeEach
    void resetCaptureServer() {
        eventBridge.reset();
    }

    @Test
    void publishesShareCreatedAndDeletedAndEveryBackupStatusChange() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String receiver = Tokens.newProjectId();
        String backupId = Backups.createAvailable(owner, "evented");
        JsonNode backup = owner.get("/v3/" + owner.projectId() + "/backups/" + backupId).json().get("backup");
        JsonNode share = share(owner, backupId, receiver).get(0);
        String shareId = share.get("id").asText();
        assertEquals(200, owner.delete(sharing(owner) + "/" + shareId).status());
        assertEquals(202, owner.delete("/v3/" + owner.projectId() + "/backups/" + backupId).status());

        List<Record> records = TableStream.recordsOf(List.of(owner.projectId(), receiver));
        assertEquals(List.of(), failures(handler.handleRequest(TableStream.lambdaEvent(records), new MockLambdaContext())));

        Record inserted = only(records, "INSERT", "backup");
        Record completed = only(records, "MODIFY", "backup", r -> "available".equals(r.dynamodb().newImage().get("status").s())
                && "creating".equals(r.dynamodb().oldImage().get("status").s()));
        Record shared = only(records, "INSERT", "share");
        Record unshared = only(records, "REMOVE", "share");
        Record removed = only(records, "REMOVE", "backup");

        List<JsonNode> entries = eventBridge.entries();
        assertEquals(5, entries.size(), entries::toString);
        assertEntry(entries.get(0), inserted, "Backup Status Changed", detail(
                "backup_id", backupId, "project_id", owner.projectId(), "old_status", null, "new_status", "creating",
                "updated_at", backup.get("created_at").asText(), "change_id", inserted.eventID()));
        assertEntry(entries.get(1), completed, "Backup Status Changed", detail(
                "backup_id", backupId, "project_id", owner.projectId(), "old_status", "creating", "new_status", "available",
                "updated_at", backup.get("updated_at").asText(), "change_id", completed.eventID()));
        assertEntry(entries.get(2), shared, "Backup Share Created", detail(
                "share_id", shareId, "backup_id", backupId, "from_project_id", owner.projectId(), "to_project_id", receiver,
                "created_at", share.get("created_at").asText(), "change_id", shared.eventID()));
        assertEntry(entries.get(3), unshared, "Backup Share Deleted", detail(
                "share_id", shareId, "backup_id", backupId, "from_project_id", owner.projectId(), "to_project_id", receiver,
                "created_at", share.get("created_at").asText(), "deleted_at", changeTime(unshared),
                "change_id", unshared.eventID()));
        assertEntry(entries.get(4), removed, "Backup Status Changed", detail(
                "backup_id", backupId, "project_id", owner.projectId(), "old_status", "available", "new_status", "deleted",
                "updated_at", changeTime(removed), "change_id", removed.eventID()));
    }

    @Test
    void recordsOfLookupItemsAndShareCountUpdatesPublishNothing() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String receiver = Tokens.newProjectId();
        String backupId = Fixtures.availableBackup(owner.projectId(), "quiet");
        String shareId = share(owner, backupId, receiver).get(0).get("id").asText();
        assertEquals(200, owner.delete(sharing(owner) + "/" + shareId).status());

        List<Record> quiet = TableStream.recordsOf(List.of(owner.projectId(), receiver)).stream()
                .filter(r -> "share_id".equals(entity(r)) || "MODIFY".equals(r.eventNameAsString()))
                .toList();
        assertEquals(List.of("INSERT", "MODIFY", "MODIFY", "REMOVE"),
                quiet.stream().map(Record::eventNameAsString).sorted().toList(), "lookup insert and removal, two count updates");

        assertEquals(List.of(), failures(handler.handleRequest(TableStream.lambdaEvent(quiet), new MockLambdaContext())));
        assertEquals(List.of(), eventBridge.calls());
    }

    @Test
    void aFailedEntryInTheSecondCallFailsItsRecordAndEveryLaterOneAndARetryPublishesThem() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        List<String> receivers = projects(10);
        String backupId = Backups.createAvailable(owner, "ten-shares");
        share(owner, backupId, receivers.toArray(String[]::new));
        List<Record> records = recordsOf(owner, receivers);
        // The backup's two status changes and ten shares make twelve events: a call of ten, then one of two.
        Record lastShare = last(records, r -> "INSERT".equals(r.eventNameAsString()) && "share".equals(entity(r)));
        String failingReceiver = lastShare.dynamodb().newImage().get("to_project_id").s();
        eventBridge.failEntriesWhere(entry -> failingReceiver.equals(detailOf(entry).path("to_project_id").asText()));

        StreamsEventResponse response = handler.handleRequest(TableStream.lambdaEvent(records), new MockLambdaContext());

        int failedAt = records.indexOf(lastShare);
        assertEquals(sequenceNumbers(records.subList(failedAt, records.size())), failures(response));
        assertEquals(List.of(10, 2), eventBridge.calls().stream().map(List::size).toList());

        eventBridge.failEntriesWhere(entry -> false);
        List<Record> retried = records.subList(failedAt, records.size());
        assertEquals(List.of(), failures(handler.handleRequest(TableStream.lambdaEvent(retried), new MockLambdaContext())));
        assertEquals(Set.copyOf(receivers), sharedWith(eventBridge.entries()), "every share was published");
        assertEquals(12, changeIds(eventBridge.entries()).size(), "change ids tell the repeated entry apart");
    }

    @Test
    void aFailedEntryInTheFirstCallStopsLaterCalls() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        List<String> receivers = projects(10);
        String backupId = Backups.createAvailable(owner, "fails-early");
        share(owner, backupId, receivers.toArray(String[]::new));
        List<Record> records = recordsOf(owner, receivers);
        eventBridge.failEntriesWhere(entry -> "available".equals(detailOf(entry).path("new_status").asText()));

        StreamsEventResponse response = handler.handleRequest(TableStream.lambdaEvent(records), new MockLambdaContext());

        Record completed = only(records, "MODIFY", "backup", r -> "available".equals(r.dynamodb().newImage().get("status").s())
                && "creating".equals(r.dynamodb().oldImage().get("status").s()));
        int failedAt = records.indexOf(completed);
        assertTrue(failedAt > 0, "the backup's insert comes first");
        assertEquals(sequenceNumbers(records.subList(failedAt, records.size())), failures(response));
        assertEquals(List.of(10), eventBridge.calls().stream().map(List::size).toList(), "the second call waits for the retry");
    }

    @Test
    void whenEventBridgeAnswers500EveryRecordIsReportedAndNothingIsThrown() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String receiver = Tokens.newProjectId();
        String backupId = Fixtures.availableBackup(owner.projectId(), "unreachable");
        share(owner, backupId, receiver);
        List<Record> records = TableStream.recordsOf(List.of(owner.projectId(), receiver));
        assertEquals(4, records.size(), "backup, count update, share, lookup");
        eventBridge.failEveryCall(true);

        StreamsEventResponse response = handler.handleRequest(TableStream.lambdaEvent(records), new MockLambdaContext());

        assertEquals(sequenceNumbers(records), failures(response));
        assertFalse(eventBridge.calls().isEmpty(), "the client did call");
    }

    @Test
    void bothStreamRecordModelsMapToTheSameEntries() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String receiver = Tokens.newProjectId();
        String backupId = Backups.createAvailable(owner, "two-models");
        String shareId = share(owner, backupId, receiver).get(0).get("id").asText();
        assertEquals(200, owner.delete(sharing(owner) + "/" + shareId).status());
        List<Record> records = TableStream.recordsOf(List.of(owner.projectId(), receiver));
        ChangeEvents changeEvents = context.getBean(ChangeEvents.class);

        var fromSdk = records.stream().map(r -> changeEvents.toEntry(TableChanges.decode(r))).toList();
        var fromLambda = records.stream()
                .map(r -> changeEvents.toEntry(TableChanges.decode(TableStream.lambdaRecord(r)))).toList();

        assertEquals(fromSdk, fromLambda);
        assertEquals(4, fromSdk.stream().filter(Optional::isPresent).count(), "two status changes, created, deleted");
    }

    private static void assertEntry(JsonNode entry, Record record, String detailType, ObjectNode detail) {
        assertEquals(ENTRY_FIELDS, fieldNames(entry), entry::toString);
        assertEquals("vbs.sharing", entry.get("Source").asText());
        assertEquals(detailType, entry.get("DetailType").asText());
        assertEquals("test-bus", entry.get("EventBusName").asText());
        assertTrue(entry.get("Resources").isArray() && entry.get("Resources").isEmpty(), entry::toString);
        BigDecimal changeSeconds = BigDecimal.valueOf(record.dynamodb().approximateCreationDateTime().toEpochMilli(), 3);
        assertEquals(0, changeSeconds.compareTo(entry.get("Time").decimalValue()), entry::toString);
        JsonNode actual = detailOf(entry);
        assertEquals(detail, actual);
        assertEquals(List.copyOf(fieldNames(detail)), List.copyOf(fieldNames(actual)), "field order");
    }

    private static ObjectNode detail(String... namesAndValues) {
        ObjectNode detail = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            detail.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return detail;
    }

    private static JsonNode detailOf(JsonNode entry) {
        try {
            return JSON.readTree(entry.get("Detail").asText());
        } catch (IOException e) {
            throw new AssertionError("Detail is not JSON: " + entry, e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String changeTime(Record record) {
        return Timestamps.format(record.dynamodb().approximateCreationDateTime());
    }

    private static String entity(Record record) {
        Map<String, AttributeValue> image = "REMOVE".equals(record.eventNameAsString())
                ? record.dynamodb().oldImage() : record.dynamodb().newImage();
        return image.get("entity").s();
    }

    private static Record only(List<Record> records, String eventName, String entity) {
        return only(records, eventName, entity, r -> true);
    }

    private static Record only(List<Record> records, String eventName, String entity, Predicate<Record> also) {
        List<Record> matching = records.stream()
                .filter(r -> eventName.equals(r.eventNameAsString()) && entity.equals(entity(r)) && also.test(r))
                .toList();
        assertEquals(1, matching.size(), () -> "one " + eventName + " of a " + entity + " in " + records);
        return matching.get(0);
    }

    private static Record last(List<Record> records, Predicate<Record> matching) {
        List<Record> all = records.stream().filter(matching).toList();
        assertFalse(all.isEmpty());
        return all.get(all.size() - 1);
    }

    /** The batch's metrics document counts what EventBridge took and what it refused, and the records to retry. */
    @Test
    void aBatchCountsTheEventsPublishedAndFailed() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String receiver = Tokens.newProjectId();
        String backupId = Backups.createAvailable(owner, "counted");
        share(owner, backupId, receiver);
        List<Record> records = TableStream.recordsOf(List.of(owner.projectId(), receiver));
        eventBridge.failEntriesWhere(entry -> "Backup Share Created".equals(entry.path("DetailType").asText()));

        StreamsEventResponse[] response = new StreamsEventResponse[1];
        JsonNode metrics = MetricsOutput.onlyDocument(MetricsOutput.capture(() ->
                response[0] = handler.handleRequest(TableStream.lambdaEvent(records), new MockLambdaContext())));
        assertEquals(EventPublisherHandler.OPERATION, metrics.path("Operation").asText());
        assertEquals(records.size(), metrics.path("Records").asInt());
        assertEquals(2, metrics.path("EventsPublished").asInt(), "created and available, before the refused share");
        assertEquals(1, metrics.path("EventsFailed").asInt());
        assertEquals(failures(response[0]).size(), metrics.path("FailedRecords").asInt());
        assertFalse(failures(response[0]).isEmpty());
    }

    private static List<String> failures(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static List<String> sequenceNumbers(List<Record> records) {
        return records.stream().map(r -> r.dynamodb().sequenceNumber()).toList();
    }

    private static Set<String> sharedWith(List<JsonNode> entries) {
        Set<String> receivers = new HashSet<>();
        entries.stream().filter(e -> "Backup Share Created".equals(e.get("DetailType").asText()))
                .forEach(e -> receivers.add(detailOf(e).get("to_project_id").asText()));
        return receivers;
    }

    private static Set<String> changeIds(List<JsonNode> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(detailOf(e).get("change_id").asText()));
        return ids;
    }

    private static List<Record> recordsOf(Api.Caller owner, List<String> receivers) {
        List<String> projects = new ArrayList<>(receivers);
        projects.add(owner.projectId());
        return TableStream.recordsOf(projects);
    }

    private static List<String> projects(int count) {
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            projects.add(Tokens.newProjectId());
        }
        return projects;
    }

    private static String sharing(Api.Caller owner) {
        return "/v2/" + owner.projectId() + "/os-vendor-backup-sharing";
    }

    private static JsonNode share(Api.Caller owner, String backupId, String... receivers) {
        String body = "{\"shared\":{\"backup_id\":\"" + backupId + "\",\"to_project_ids\":[\""
                + String.join("\",\"", receivers) + "\"]}}";
        Api.Response response = owner.post(sharing(owner), body);
        assertEquals(200, response.status(), response::toString);
        return response.json().get("shared");
    }
}
