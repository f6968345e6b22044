package com.vbssharing.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vbssharing.backup.worker.BackupStreamHandler;
import com.vbssharing.lambda.ApiHandler;
import com.vbssharing.logging.LogFormat;
import com.vbssharing.logging.LogbackConfigurator;
import com.vbssharing.observability.internal.RequestLog;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.MetricsOutput;
import com.vbssharing.support.RecordingApp;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests driven through the Lambda handler, with the request log line read as the JSON encoder writes it and
 * the Embedded Metric Format document read from standard output: every field present and right.
 */
class RequestObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMESPACE = "VbsSharingTest";
    private static final String TRACE_ROOT = "1-67891233-abcdef012345678912345678";

    private static RecordingApp app;
    private static ApiHandler handler;
    private static final ByteArrayOutputStream logLines = new ByteArrayOutputStream();
    private static OutputStreamAppender<ILoggingEvent> appender;
    private static Level configuredLevel;

    @BeforeAll
    static void start() {
        // As in Lambda: the request line's own fields, not a text rendering of them (logging/LogFormat).
        System.setProperty(LogFormat.PROPERTY, "json");
        app = RecordingApp.start(Map.of("vbs.metrics.enabled", true, "vbs.metrics.namespace", NAMESPACE));
        handler = new ApiHandler(app.context());
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender = new OutputStreamAppender<>();
        appender.setContext(logging);
        appender.setEncoder(LogbackConfigurator.jsonEncoder(logging));
        appender.setOutputStream(logLines);
        appender.start();
        Logger requestLog = logging.getLogger(RequestLog.class);
        configuredLevel = requestLog.getLevel();
        requestLog.setLevel(Level.INFO);
        requestLog.setAdditive(false);
        requestLog.addAppender(appender);
    }

    @AfterAll
    static void stop() {
        Logger requestLog = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(RequestLog.class);
        requestLog.detachAppender(appender);
        requestLog.setLevel(configuredLevel);
        requestLog.setAdditive(true);
        appender.stop();
        app.close();
        System.clearProperty(LogFormat.PROPERTY);
    }

    @Test
    void aShareRequestLogsOneLineAndOneMetricsDocumentWithEveryField() {
        String owner = Tokens.newProjectId();
        String backup = Fixtures.availableBackup(owner, "observed");
        String first = Tokens.newProjectId();
        String second = Tokens.newProjectId();
        app.recorder().drain();
        ColdStart.restored();

        Observed observed = call("POST", "/v2/" + owner + "/os-vendor-backup-sharing", owner,
                "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\"" + first + "\",\"" + second + "\"]}}");

        assertEquals(200, observed.response.getStatusCode(), observed.response.getBody());
        JsonNode line = observed.line;
        assertEquals("request", line.path("message").asText());
        assertEquals("INFO", line.path("level").asText());
        assertEquals(RequestLog.class.getName(), line.path("logger_name").asText());
        assertTrue(line.hasNonNull("@timestamp"));
        assertEquals(observed.lambdaRequestId, line.path("request_id").asText());
        assertEquals(observed.event.getRequestContext().getRequestId(), line.path("api_request_id").asText());
        assertEquals(TRACE_ROOT, line.path("trace_id").asText());
        assertEquals("CreateShares", line.path("operation").asText());
        assertEquals("POST", line.path("method").asText());
        assertEquals("/v2/" + owner + "/os-vendor-backup-sharing", line.path("path").asText());
        assertEquals(owner, line.path("project_id").asText());
        assertEquals(200, line.path("status").asInt());
        assertFalse(line.has("fault"));
        assertFalse(line.has("error"));
        assertTrue(line.path("latency_ms").isIntegralNumber() && line.path("latency_ms").asLong() >= 0, line::toString);
        int roundTrips = app.recorder().roundTrips();
        assertTrue(roundTrips > 0);
        assertEquals(roundTrips, line.path("dynamodb_calls").asInt(), "every DynamoDB call of the request, once");
        assertTrue(line.path("dynamodb_ms").asLong() >= 0 && line.path("dynamodb_ms").asLong() <= line.path("latency_ms").asLong());
        assertTrue(line.path("consumed_write_capacity").asDouble() > 0, line::toString);
        assertTrue(line.path("consumed_read_capacity").isNumber(), line::toString);
        assertEquals(2, line.path("shares_created").asInt());
        assertTrue(line.path("cold_start").asBoolean(), "the first request after a restore is a cold start");

        JsonNode metrics = observed.metrics;
        JsonNode directive = metrics.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(NAMESPACE, directive.path("Namespace").asText());
        assertEquals("[[\"Operation\"]]", directive.path("Dimensions").toString());
        assertTrue(metrics.path("_aws").path("Timestamp").asLong() > 0);
        assertEquals("CreateShares", metrics.path("Operation").asText());
        Map<String, String> units = new LinkedHashMap<>();
        directive.path("Metrics").forEach(m -> units.put(m.path("Name").asText(), m.path("Unit").asText()));
        assertEquals(Map.of("Requests", "Count", "ClientErrors", "Count", "ServerErrors", "Count",
                "Latency", "Milliseconds", "DynamoDbCalls", "Count", "DynamoDbTime", "Milliseconds",
                "ConsumedReadCapacity", "Count", "ConsumedWriteCapacity", "Count", "SharesCreated", "Count"), units);
        assertEquals(1, metrics.path("Requests").asInt());
        assertEquals(0, metrics.path("ClientErrors").asInt());
        assertEquals(0, metrics.path("ServerErrors").asInt());
        assertEquals(2, metrics.path("SharesCreated").asInt());
        assertEquals(roundTrips, metrics.path("DynamoDbCalls").asInt());
        assertEquals(line.path("latency_ms").asLong(), metrics.path("Latency").asLong());
        assertEquals(line.path("consumed_write_capacity").asDouble(), metrics.path("ConsumedWriteCapacity").asDouble());
        assertEquals(observed.lambdaRequestId, metrics.path("request_id").asText());

        Observed revoke = call("DELETE", "/v2/" + owner + "/os-vendor-backup-sharing/" + backup + "?is_backup_id=true", owner, null);
        assertEquals(200, revoke.response.getStatusCode(), revoke.response.getBody());
        assertEquals("DeleteShares", revoke.line.path("operation").asText());
        assertEquals(2, revoke.line.path("shares_revoked").asInt());
        assertEquals(2, revoke.metrics.path("SharesRevoked").asInt());
        assertFalse(revoke.line.path("cold_start").asBoolean(), "only the first request is a cold start");
    }

    @Test
    void clientErrorsCarryTheirFaultNameAndCountAsClientErrors() {
        String project = Tokens.newProjectId();
        Observed missing = call("GET", "/v2/" + project + "/os-vendor-backup-sharing/" + UUID.randomUUID(), project, null);
        assertEquals(404, missing.response.getStatusCode());
        assertEquals("GetShare", missing.line.path("operation").asText());
        assertEquals("itemNotFound", missing.line.path("fault").asText());
        assertEquals("INFO", missing.line.path("level").asText(), "a client's error is not the service's");
        assertEquals(1, missing.metrics.path("ClientErrors").asInt());
        assertEquals(0, missing.metrics.path("ServerErrors").asInt());

        Observed noToken = call("GET", "/v3/" + project + "/backups", null, null);
        assertEquals(401, noToken.response.getStatusCode());
        assertEquals("ListBackups", noToken.line.path("operation").asText());
        assertEquals("unauthorized", noToken.line.path("fault").asText());
        assertFalse(noToken.line.has("project_id"), "no project is proven without a token");
        assertFalse(noToken.metrics.has("DynamoDbCalls"), "no DynamoDB metrics where DynamoDB was not called");

        Observed unmatched = call("GET", "/v9/nothing/here", project, null);
        assertEquals(404, unmatched.response.getStatusCode());
        assertEquals(RequestObservationFilter.UNMATCHED, unmatched.line.path("operation").asText());
        assertEquals(RequestObservationFilter.UNMATCHED, unmatched.metrics.path("Operation").asText());
    }

    /** SnapStart's priming runs requests through the handler before the snapshot: made, never reported. */
    @Test
    void primingRequestsAreNeverReportedAndLeaveTheColdStartToTheFirstRealRequest() {
        String project = Tokens.newProjectId();
        ColdStart.restored();
        int linesBefore = logLines.size();
        APIGatewayProxyRequestEvent event = LambdaApi.event("GET", "/v3/" + project + "/backups",
                Map.of("X-Auth-Token", Tokens.forProject(project)), null);
        List<String> printed = MetricsOutput.capture(() -> Invocation.prime(() -> {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, handler.handleRequest(event, null).getStatusCode());
            }
        }));
        assertEquals(linesBefore, logLines.size(), "no log line for a priming request");
        assertTrue(printed.stream().noneMatch(line -> line.contains("\"_aws\"")), () -> "no metrics: " + printed);

        Observed first = call("GET", "/v3/" + project + "/backups", project, null);
        assertTrue(first.line.path("cold_start").asBoolean(), "the first real request is the cold one");
    }

    @Test
    void tokensNeverReachTheLogLine() {
        String project = Tokens.newProjectId();
        String token = Tokens.forProject(project);
        Observed observed = call("GET", "/v3/" + project + "/backups", project, null);
        assertEquals(200, observed.response.getStatusCode());
        assertFalse(observed.rawLine.contains(token), observed.rawLine);
        assertFalse(observed.rawLine.contains(token.substring(token.lastIndexOf('.') + 1)), "not even the signature");
    }

    @Test
    void aDependencyDownIsOneWarningWithItsReasonAndAServerError() {
        Map<String, Object> unreachable = new HashMap<>(Map.of("vbs.metrics.enabled", true,
                "vbs.metrics.namespace", NAMESPACE, "vbs.table.endpoint", "http://127.0.0.1:9"));
        try (RecordingApp down = RecordingApp.start(unreachable)) {
            String project = Tokens.newProjectId();
            Observed observed = call(new ApiHandler(down.context()), "GET",
                    "/v3/" + project + "/backups/" + UUID.randomUUID(), project, null);
            assertEquals(503, observed.response.getStatusCode(), observed.response.getBody());
            assertEquals("WARN", observed.line.path("level").asText());
            assertEquals("serviceUnavailable", observed.line.path("fault").asText());
            assertTrue(observed.line.path("error").asText().contains("DynamoDB"), observed.line::toString);
            assertFalse(observed.line.has("stack_trace"), "an outage is explained, not traced");
            assertTrue(observed.line.path("dynamodb_calls").asInt() >= 1);
            assertEquals(1, observed.metrics.path("ServerErrors").asInt());
        }
    }

    @Test
    void aStreamBatchLogsOneLineWithItsRecordsAndFailures() {
        DynamodbEvent.DynamodbStreamRecord unreadable = new DynamodbEvent.DynamodbStreamRecord();
        unreadable.setEventID("unreadable");
        unreadable.setEventName("NOT_A_STREAM_EVENT");
        unreadable.setDynamodb(new StreamRecord().withSequenceNumber("100"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(unreadable));
        String requestId = UUID.randomUUID().toString();

        List<String> printed = MetricsOutput.capture(() ->
                new BackupStreamHandler(app.context()).handleRequest(event, context(requestId)));

        JsonNode line = lastLine();
        assertEquals("batch", line.path("message").asText());
        assertEquals(BackupStreamHandler.OPERATION, line.path("operation").asText());
        assertEquals(requestId, line.path("request_id").asText());
        assertEquals(1, line.path("records").asInt());
        assertEquals(1, line.path("failed_records").asInt());
        assertEquals("WARN", line.path("level").asText());
        JsonNode metrics = MetricsOutput.onlyDocument(printed);
        assertEquals(BackupStreamHandler.OPERATION, metrics.path("Operation").asText());
        assertEquals(1, metrics.path("Records").asInt());
        assertEquals(1, metrics.path("FailedRecords").asInt());
    }

    private record Observed(APIGatewayProxyRequestEvent event, String lambdaRequestId,
                            APIGatewayProxyResponseEvent response, String rawLine, JsonNode line, JsonNode metrics) {
    }

    private static Observed call(String method, String path, String project, String body) {
        return call(handler, method, path, project, body);
    }

    private static Observed call(ApiHandler target, String method, String path, String project, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (project != null) {
            headers.put("X-Auth-Token", Tokens.forProject(project));
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.put("X-Amzn-Trace-Id", "Root=" + TRACE_ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");
        APIGatewayProxyRequestEvent event = LambdaApi.event(method, path, headers, body);
        event.getRequestContext().setRequestId(UUID.randomUUID().toString());
        String lambdaRequestId = UUID.randomUUID().toString();
        APIGatewayProxyResponseEvent[] response = new APIGatewayProxyResponseEvent[1];
        List<String> printed = MetricsOutput.capture(() -> response[0] = target.handleRequest(event, context(lambdaRequestId)));
        String raw = lastRawLine();
        JsonNode line = parse(raw);
        assertEquals(lambdaRequestId, line.path("request_id").asText(), "the line of this request");
        return new Observed(event, lambdaRequestId, response[0], raw, line, MetricsOutput.onlyDocument(printed));
    }

    private static MockLambdaContext context(String requestId) {
        return new MockLambdaContext() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }
        };
    }

    private static String lastRawLine() {
        String[] lines = logLines.toString(StandardCharsets.UTF_8).split("\n");
        return lines[lines.length - 1];
    }

    private static JsonNode lastLine() {
        return parse(lastRawLine());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    @Test
    void everyLineFieldNameIsSnakeCase() {
        String project = Tokens.newProjectId();
        Observed observed = call("GET", "/v3/" + project + "/backups", project, null);
        Set<String> names = new TreeSet<>();
        observed.line.fieldNames().forEachRemaining(names::add);
        names.remove("@timestamp");
        names.forEach(name -> assertTrue(name.matches("[a-z_]+"), name));
        assertTrue(names.containsAll(Set.of("request_id", "api_request_id", "trace_id", "operation", "method", "path",
                "project_id", "status", "latency_ms", "dynamodb_calls", "dynamodb_ms", "consumed_read_capacity",
                "consumed_write_capacity", "cold_start")), names::toString);
        assertTrue(TestApp.get() != null);
    }
}
