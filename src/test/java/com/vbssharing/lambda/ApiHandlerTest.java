package com.vbssharing.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.support.Api;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.MethodExecutionHandle;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the API handler serves an event (lambda/internal/HeaderKeepingEventHandler). */
class ApiHandlerTest {

    /** Routing, filters, bound arguments and links all ask for the headers; the event's are read once. */
    @Test
    void aRequestReadsTheEventsHeadersOnce() {
        String project = Tokens.newProjectId();
        CountingEvent event = CountingEvent.of(LambdaApi.event("GET", "/v3/" + project + "/backups/detail?limit=5",
                Map.of("X-Auth-Token", Tokens.forProject(project), "OpenStack-API-Version", "volume 3.45"), null));

        APIGatewayProxyResponseEvent answer = TestApp.get().lambda().handleRequest(event, new MockLambdaContext());

        assertEquals(200, answer.getStatusCode(), answer.getBody());
        assertEquals(1, event.headerReads, "reads of the event's headers");
    }

    /** HTTP allows no control character in a header value nor a space in its name; Micronaut failed on them with 500. */
    @Test
    void aHeaderHttpDoesNotAllowIsABadRequest() {
        String project = Tokens.newProjectId();
        for (Map<String, String> bad : List.of(Map.of("X-Note", "a\u0001b"), Map.of("X Note", "v"))) {
            Map<String, String> headers = new HashMap<>(bad);
            headers.put("X-Auth-Token", Tokens.forProject(project));

            Api.Response answer = LambdaApi.invoke(TestApp.get().lambda(),
                    LambdaApi.event("GET", "/v3/" + project + "/backups", headers, null));

            assertEquals(400, answer.status(), bad + ": " + answer);
            JsonNode fault = answer.json().get("badRequest");
            assertEquals(400, fault.get("code").asInt(), answer::toString);
            assertTrue(fault.get("message").asText().contains("header"), answer::toString);
        }
    }

    /**
     * Micronaut's binders of these types look for its own request class, which the handler does not use: a route
     * taking one would not be bound (docs/decisions.md, "A request's headers").
     */
    @Test
    void noRouteTakesTheProxyEventsAsArguments() {
        Set<Class<?>> unbound = Set.of(APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class);
        List<MethodExecutionHandle<?, ?>> methods = TestApp.get().context().getBean(Router.class).uriRoutes()
                .<MethodExecutionHandle<?, ?>>map(route -> route.getTargetMethod())
                .toList();
        assertFalse(methods.isEmpty());
        List<String> taking = methods.stream()
                .filter(method -> Arrays.stream(method.getArguments()).map(Argument::getType).anyMatch(unbound::contains))
                .map(Object::toString)
                .toList();
        assertTrue(taking.isEmpty(), taking.toString());
    }

    /** An event that counts how often its headers are read. */
    private static final class CountingEvent extends APIGatewayProxyRequestEvent {
        int headerReads;

        static CountingEvent of(APIGatewayProxyRequestEvent event) {
            CountingEvent counting = new CountingEvent();
            counting.setResource(event.getResource());
            counting.setPath(event.getPath());
            counting.setHttpMethod(event.getHttpMethod());
            counting.setHeaders(event.getHeaders());
            counting.setMultiValueHeaders(event.getMultiValueHeaders());
            counting.setQueryStringParameters(event.getQueryStringParameters());
            counting.setMultiValueQueryStringParameters(event.getMultiValueQueryStringParameters());
            counting.setPathParameters(event.getPathParameters());
            counting.setStageVariables(event.getStageVariables());
            counting.setRequestContext(event.getRequestContext());
            counting.setBody(event.getBody());
            counting.setIsBase64Encoded(event.getIsBase64Encoded());
            return counting;
        }

        @Override
        public Map<String, List<String>> getMultiValueHeaders() {
            headerReads++;
            return super.getMultiValueHeaders();
        }
    }
}
