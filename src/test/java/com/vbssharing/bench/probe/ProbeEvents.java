package com.vbssharing.bench.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway REST proxy events as Lambda hands them to a handler (headers and query parameters both single and
 * multi-valued, as API Gateway sends them), built without any JSON library.
 */
public final class ProbeEvents {

    private ProbeEvents() {
    }

    public static APIGatewayProxyRequestEvent event(String method, String pathAndQuery, String token, String body) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        Map<String, String> query = new HashMap<>();
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                query.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Auth-Token", token);
        headers.put("Host", "abcdef1234.execute-api.us-east-1.amazonaws.com");
        headers.put("Accept", "application/json");
        if (body != null && !body.isEmpty()) {
            headers.put("Content-Type", "application/json");
        }
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withStage("Prod").withHttpMethod(method).withPath("/Prod" + path)
                .withDomainName("abcdef1234.execute-api.us-east-1.amazonaws.com");
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(path)
                .withResource("/{proxy+}")
                .withPathParameters(Map.of("proxy", path.substring(1)))
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : multiValued(query))
                .withHeaders(headers)
                .withMultiValueHeaders(multiValued(headers))
                .withBody(body == null || body.isEmpty() ? null : body)
                .withRequestContext(context);
    }

    private static Map<String, List<String>> multiValued(Map<String, String> values) {
        Map<String, List<String>> multiValued = new HashMap<>();
        values.forEach((name, value) -> multiValued.put(name, List.of(value)));
        return multiValued;
    }
}
