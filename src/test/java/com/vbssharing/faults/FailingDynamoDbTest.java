package com.vbssharing.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.vbssharing.lambda.ApiHandler;
import com.vbssharing.support.Api;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static com.vbssharing.support.Assertions2.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each way DynamoDB can fail looks like to a caller, against a stand-in endpoint that fails on purpose:
 * throttling and server errors are retried by the client first and become 503 only when the retries run out; a
 * missing table, an endpoint nobody listens on and one that never answers are 503s too, each with its own
 * {@code Retry-After}; an answer that comes after retries is served as if nothing happened.
 */
class FailingDynamoDbTest {

    private static final String THROTTLED = error(400,
            "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "Rate exceeded");
    private static final String SERVER_ERROR = error(500, "com.amazonaws.dynamodb.v20120810#InternalServerError",
            "Internal server error");
    private static final String NO_TABLE = error(400, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
            "Requested resource not found");

    /** How the stand-in answers: the first {@code failures} calls fail with {@code failure}, later ones succeed. */
    private static volatile String failure;
    private static volatile int failures;
    private static volatile boolean hang;
    private static final AtomicInteger calls = new AtomicInteger();

    private static HttpServer standIn;
    private static ApplicationContext context;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        standIn.setExecutor(Executors.newCachedThreadPool());
        standIn.createContext("/", FailingDynamoDbTest::answer);
        standIn.start();
        Map<String, Object> properties = TestApp.properties("http://127.0.0.1:" + standIn.getAddress().getPort());
        properties.put("vbs.table.create-if-missing", false);
        properties.put("vbs.worker.local-stream-poller.enabled", false);
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        api = new LambdaApi(new ApiHandler(context));
    }

    @AfterAll
    static void stop() {
        context.close();
        standIn.stop(0);
    }

    @BeforeEach
    void reset() {
        failure = null;
        failures = 0;
        hang = false;
        calls.set(0);
    }

    @Test
    void throttlingIsRetriedAndServedWhenItPasses() {
        fail(THROTTLED, 2);
        assertFault(getBackup(), 404, "itemNotFound");
        assertEquals(3, calls.get(), "two throttled attempts, then the answer");
    }

    @Test
    void throttlingThatOutlastsTheRetriesIs503() {
        fail(THROTTLED, Integer.MAX_VALUE);
        Api.Response response = getBackup();
        assertUnavailable(response, "1", "DynamoDB is throttling requests");
        assertEquals(3, calls.get(), "the client's three attempts");
    }

    @Test
    void serverErrorsAreRetriedThen503() {
        fail(SERVER_ERROR, Integer.MAX_VALUE);
        assertUnavailable(getBackup(), "2", "DynamoDB failed (500)");
        assertEquals(3, calls.get());
        reset();
        fail(SERVER_ERROR, 1);
        assertFault(getBackup(), 404, "itemNotFound");
    }

    @Test
    void aMissingTableIs503NamingIt() {
        fail(NO_TABLE, Integer.MAX_VALUE);
        assertUnavailable(getBackup(), "30", "the table " + TestApp.TABLE + " does not exist");
        assertEquals(1, calls.get(), "not retried: it will not appear in milliseconds");
    }

    @Test
    void anEndpointThatNeverAnswersIs503WithinTheCallTimeout() {
        hang = true;
        long started = System.nanoTime();
        Api.Response response = getBackup();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertUnavailable(response, "2", "DynamoDB did not answer in time");
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, () -> "answered after " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(3)) > 0, "after attempts timed out, not at once");
    }

    @Test
    void anEndpointNobodyListensOnIs503() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> properties = TestApp.properties("http://127.0.0.1:" + closedPort);
        properties.put("vbs.table.create-if-missing", false);
        properties.put("vbs.worker.local-stream-poller.enabled", false);
        try (ApplicationContext unreachable = ApplicationContext.builder().environments("test")
                .properties(properties).start()) {
            String project = Tokens.newProjectId();
            Api.Response response = new LambdaApi(new ApiHandler(unreachable)).as(project)
                    .get("/v3/" + project + "/backups");
            assertUnavailable(response, "5", "DynamoDB could not be reached");
        }
    }

    private static Api.Response getBackup() {
        String project = Tokens.newProjectId();
        return api.as(project).get("/v3/" + project + "/backups/" + UUID.randomUUID());
    }

    private static void assertUnavailable(Api.Response response, String retryAfter, String what) {
        assertFault(response, 503, "serviceUnavailable", "The backup store is unavailable: " + what);
        assertEquals(retryAfter, response.header("Retry-After"), response::toString);
    }

    private static void fail(String with, int times) {
        failure = with;
        failures = times;
    }

    /** DynamoDB's JSON protocol: a status line in the first characters of the body written by {@link #error}. */
    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        int call = calls.incrementAndGet();
        if (hang) {
            sleepQuietly(Duration.ofSeconds(20));
            exchange.close();
            return;
        }
        String body;
        int status;
        if (failure != null && call <= failures) {
            status = Integer.parseInt(failure.substring(0, 3));
            body = failure.substring(3);
        } else {
            status = 200;
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            body = target != null && target.endsWith(".Query") ? "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}" : "{}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String error(int status, String type, String message) {
        return status + "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
