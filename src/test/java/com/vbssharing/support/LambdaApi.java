package com.vbssharing.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API through the Lambda handler: each call becomes an API Gateway REST (payload 1.0) proxy event of the
 * shape {@code sam local generate-event apigateway aws-proxy} produces, with path, query and headers filled in.
 */
public final class LambdaApi extends Api {

    private static final ObjectMapper EVENTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ApiGatewayProxyRequestEventFunction handler;

    public LambdaApi(ApiGatewayProxyRequestEventFunction handler) {
        this.handler = handler;
    }

    public static LambdaApi get() {
        return new LambdaApi(TestApp.get().lambda());
    }

    public static APIGatewayProxyRequestEvent readEvent(InputStream json) {
        try {
            return EVENTS.readValue(json, APIGatewayProxyRequestEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static APIGatewayProxyRequestEvent event(String method, String pathAndQuery, Map<String, String> headers, String body) {
        APIGatewayProxyRequestEvent event =
                readEvent(LambdaApi.class.getResourceAsStream("/apigateway-aws-proxy.json"));
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        event.setHttpMethod(method);
        event.setPath(path);
        event.setResource("/{proxy+}");
        event.setPathParameters(Map.of("proxy", path.substring(1)));
        event.getRequestContext().setHttpMethod(method);
        event.getRequestContext().setPath("/" + event.getRequestContext().getStage() + path);
        Map<String, String> single = new LinkedHashMap<>(event.getHeaders());
        single.remove("Content-Type");
        single.putAll(headers);
        Map<String, List<String>> multi = new LinkedHashMap<>();
        single.forEach((name, value) -> multi.put(name, List.of(value)));
        event.setHeaders(single);
        event.setMultiValueHeaders(multi);
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.put(name, value);
                multiQuery.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }

    @Override
    protected Response send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        return invoke(handler, event(method, pathAndQuery, headers, body));
    }

    public static Response invoke(ApiGatewayProxyRequestEventFunction handler, APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, new MockLambdaContext());
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            responseHeaders.putAll(response.getHeaders());
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> responseHeaders.putIfAbsent(name, values.get(0)));
        }
        return new Response(response.getStatusCode(), responseHeaders, response.getBody());
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
