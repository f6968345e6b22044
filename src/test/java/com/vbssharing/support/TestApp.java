package com.vbssharing.support;

import com.vbssharing.local.EmbeddedDynamoDb;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import com.vbssharing.lambda.ApiHandler;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * One running application for the whole test JVM: DynamoDB Local in-process (in a container with
 * {@code -Dvbs.test.dynamodb=container}, or at env VBS_DYNAMODB_ENDPOINT),
 * one application context serving HTTP on a random port, and the Lambda handler over the same context.
 * Tests isolate themselves with fresh random project ids, never by clearing the table.
 */
public final class TestApp {

    public static final String JWT_SECRET = "test-secret-that-is-at-least-32-bytes-long!";
    public static final String TABLE = "vbs-sharing-test";

    private static TestApp instance;

    private final String endpoint;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final ApiGatewayProxyRequestEventFunction lambda;

    private TestApp() {
        endpoint = dynamoDbEndpoint();
        context = ApplicationContext.builder()
                .environments("test")
                .properties(properties(endpoint))
                .start();
        server = context.getBean(EmbeddedServer.class).start();
        lambda = new ApiHandler(context);
    }

    public static synchronized TestApp get() {
        if (instance == null) {
            instance = new TestApp();
        }
        return instance;
    }

    /** The configuration a test context needs to reach the shared table. */
    public static Map<String, Object> properties(String endpoint) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("vbs.table.endpoint", endpoint);
        properties.put("aws.region", "us-east-1");
        properties.put("vbs.table.name", TABLE);
        properties.put("vbs.table.create-if-missing", true);
        properties.put("vbs.worker.local-stream-poller.enabled", true);
        properties.put("micronaut.server.port", -1);
        properties.put("vbs.auth.jwt-secret", JWT_SECRET);
        return properties;
    }

    /**
     * Properties for a test's own extra context on the shared table: no table bootstrap and no stream
     * poller, so the only DynamoDB calls it makes are the ones the test causes.
     */
    public static Map<String, Object> quietContextProperties() {
        Map<String, Object> properties = properties(get().endpoint());
        properties.put("vbs.worker.local-stream-poller.enabled", false);
        properties.put("vbs.table.create-if-missing", false);
        return properties;
    }

    private static String dynamoDbEndpoint() {
        String external = System.getenv("VBS_DYNAMODB_ENDPOINT");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if ("container".equals(System.getProperty("vbs.test.dynamodb"))) {
            // Removed when the test JVM ends (Testcontainers' shutdown hook).
            return DynamoDbContainer.start().endpoint();
        }
        return EmbeddedDynamoDb.start(null).endpoint();
    }

    public String endpoint() {
        return endpoint;
    }

    public ApplicationContext context() {
        return context;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public ApiGatewayProxyRequestEventFunction lambda() {
        return lambda;
    }
}
