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

    /**
     * The headers an edge-optimized REST API (template.yaml's) adds to a client's or passes on, as in events/*.json,
     * with X-Ray's trace header (tracing is on): what a function reads on every request, besides the token and the
     * content type.
     */
    private static final Map<String, String> EDGE_HEADERS = Map.ofEntries(
            Map.entry("Accept", "application/json"),
            Map.entry("Accept-Encoding", "gzip, deflate"),
            Map.entry("CloudFront-Forwarded-Proto", "https"),
            Map.entry("CloudFront-Is-Desktop-Viewer", "true"),
            Map.entry("CloudFront-Is-Mobile-Viewer", "false"),
            Map.entry("CloudFront-Is-SmartTV-Viewer", "false"),
            Map.entry("CloudFront-Is-Tablet-Viewer", "false"),
            Map.entry("CloudFront-Viewer-ASN", "16509"),
            Map.entry("CloudFront-Viewer-Country", "US"),
            Map.entry("Host", "abcdef1234.execute-api.us-east-1.amazonaws.com"),
            Map.entry("User-Agent", "gophercloud/v1.14.1"),
            Map.entry("Via", "1.1 08f323deadbeefa7af34d5feb414ce27.cloudfront.net (CloudFront)"),
            Map.entry("X-Amz-Cf-Id", "cDehVQoZnx43VYQb9j2-nvCh-9z396Uhbp027Y2JvkCPNLmGJHqlaA=="),
            Map.entry("X-Amzn-Trace-Id", "Root=1-674f1a2b-3c4d5e6f7a8b9c0d1e2f3a4b"),
            Map.entry("X-Forwarded-For", "203.0.113.10, 130.176.0.1"),
            Map.entry("X-Forwarded-Port", "443"),
            Map.entry("X-Forwarded-Proto", "https"));

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
        Map<String, String> headers = new HashMap<>(EDGE_HEADERS);
        headers.put("X-Auth-Token", token);
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
