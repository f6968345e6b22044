package com.vbssharing.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A function's context starts without the clients only other functions use, and runs routes where it should. */
class StartupConfigurerTest {

    @Test
    void aLambdaContextCreatesSingletonsOnFirstUseOnly() {
        try (ApplicationContext context = start(StartupConfigurer.lambdaContextBuilder())) {
            assertTrue(context.getEnvironment().getActiveNames().containsAll(Set.of("function", "lambda")));
            assertTrue(context.getActiveBeanRegistrations(SqsClient.class).isEmpty(), "the automation's SQS client");
            assertTrue(context.getActiveBeanRegistrations(EventBridgeClient.class).isEmpty(), "the publisher's client");
        }
    }

    /** Why the handlers do not use Micronaut's Lambda builder: it starts every singleton, these clients included. */
    @Test
    void micronautsLambdaBuilderWouldStartThemAll() {
        try (ApplicationContext context = start(new LambdaApplicationContextBuilder())) {
            assertFalse(context.getActiveBeanRegistrations(SqsClient.class).isEmpty());
            assertFalse(context.getActiveBeanRegistrations(EventBridgeClient.class).isEmpty());
        }
    }

    /** A Lambda invocation's thread serves one request: the route runs on it, not on a pool thread. */
    @Test
    void aLambdaContextRunsRoutesOnTheInvocationsThread() {
        APIGatewayProxyResponseEvent answer = threadProbeThroughLambda();
        assertEquals(200, answer.getStatusCode());
        assertEquals(Thread.currentThread().getName(), answer.getBody());
    }

    /** The local server must not wait on DynamoDB on Netty's event loop: its routes run on the blocking executor. */
    @Test
    void theLocalServerRunsRoutesOffTheEventLoop() throws Exception {
        HttpResponse<String> answer = threadProbeThroughLocalServer();
        assertEquals(200, answer.statusCode());
        assertFalse(answer.body().toLowerCase(Locale.ROOT).contains("eventloop"), answer.body());
        assertNotEquals(Thread.currentThread().getName(), answer.body());
    }

    /** API Gateway dates every answer itself (and renames a function's Date header): a Lambda answer carries none. */
    @Test
    void aLambdaContextLeavesTheDateHeaderToApiGateway() {
        APIGatewayProxyResponseEvent answer = threadProbeThroughLambda();
        assertEquals(200, answer.getStatusCode());
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(answer.getHeaders() == null ? Set.of() : answer.getHeaders().keySet());
        names.addAll(answer.getMultiValueHeaders() == null ? Set.of() : answer.getMultiValueHeaders().keySet());
        assertTrue(names.contains("Content-Type"), names.toString());
        assertFalse(names.contains("Date"), names.toString());
    }

    /** The local server has no API Gateway in front: it dates its answers. */
    @Test
    void theLocalServerDatesItsAnswers() throws Exception {
        HttpResponse<String> answer = threadProbeThroughLocalServer();
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Date").isPresent(), answer.headers().toString());
    }

    private static APIGatewayProxyResponseEvent threadProbeThroughLambda() {
        try (ApplicationContext context = start(StartupConfigurer.lambdaContextBuilder()
                .properties(Map.of(ThreadProbeController.ENABLED, true)))) {
            return new ApiHandler(context).handleRequest(
                    LambdaApi.event("GET", "/thread-probe", Map.of(), null), new MockLambdaContext());
        }
    }

    private static HttpResponse<String> threadProbeThroughLocalServer() throws Exception {
        try (ApplicationContext context = start(ApplicationContext.builder()
                .properties(Map.of(ThreadProbeController.ENABLED, true)))) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/thread-probe")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static ApplicationContext start(ApplicationContextBuilder builder) {
        return builder.environments("test").properties(TestApp.quietContextProperties()).start();
    }
}
