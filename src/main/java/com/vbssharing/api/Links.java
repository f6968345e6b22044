package com.vbssharing.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.function.aws.proxy.ApiGatewayServletRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Absolute links back into this API. The base URL comes from the request as the client reached it:
 * {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} from a proxy; on API Gateway the domain name, plus the
 * stage when the default {@code execute-api} domain is used; otherwise the {@code Host} header.
 */
public final class Links {

    private Links() {
    }

    public static String baseUrl(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        String forwardedHost = validHost(firstValue(headers.get("X-Forwarded-Host")));
        String forwardedProto = validScheme(firstValue(headers.get("X-Forwarded-Proto")));
        if (request instanceof ApiGatewayServletRequest<?, ?, ?> lambdaRequest
                && lambdaRequest.getNativeRequest() instanceof APIGatewayProxyRequestEvent event
                && event.getRequestContext() != null) {
            String host = forwardedHost != null ? forwardedHost : validHost(firstValue(headers.get(HttpHeaders.HOST)));
            return apiGatewayBase(event, host, forwardedProto);
        }
        String scheme = forwardedProto != null ? forwardedProto : request.isSecure() ? "https" : "http";
        String host = forwardedHost != null ? forwardedHost : validHost(firstValue(headers.get(HttpHeaders.HOST)));
        if (host == null) {
            host = request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort();
        }
        return scheme + "://" + host;
    }

    private static String apiGatewayBase(APIGatewayProxyRequestEvent event, String host, String forwardedProto) {
        var context = event.getRequestContext();
        String domain = context.getDomainName() != null ? context.getDomainName() : host;
        if (domain == null) {
            domain = "localhost";
        }
        String scheme = forwardedProto != null ? forwardedProto : "https";
        boolean defaultDomain = domain.contains(".execute-api.");
        String stage = context.getStage();
        return scheme + "://" + domain + (defaultDomain && stage != null && !stage.isEmpty() ? "/" + stage : "");
    }

    /** The self and bookmark links OpenStack gives every resource. */
    public static List<Link> selfAndBookmark(String baseUrl, String version, String projectId,
                                                            String collection, String id) {
        String tail = "/" + projectId + "/" + collection + "/" + id;
        return List.of(link(baseUrl + "/" + version + tail, "self"), link(baseUrl + tail, "bookmark"));
    }

    /**
     * The same URL as the request, with {@code marker} set to the last item of the page and without
     * {@code offset}: the marker already positions the next page, and an offset kept beside it would skip that
     * many items again on every page that follows (clients.md section 3).
     */
    public static List<Link> next(HttpRequest<?> request, String lastId) {
        List<String> pairs = new ArrayList<>();
        for (String name : request.getParameters().names()) {
            if (name.equals("marker") || name.equals("offset")) {
                continue;
            }
            for (String value : request.getParameters().getAll(name)) {
                pairs.add(encode(name) + "=" + encode(value));
            }
        }
        pairs.add("marker=" + encode(lastId));
        String href = baseUrl(request) + request.getPath() + "?" + String.join("&", pairs);
        return List.of(link(href, "next"));
    }

    private static Link link(String href, String rel) {
        return new Link(href, rel);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A host name or address, with an optional port; anything else (a forged header) is ignored. */
    private static final java.util.regex.Pattern HOST =
            java.util.regex.Pattern.compile("^(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]{1,253})(:\\d{1,5})?$");

    private static String validHost(String host) {
        return host != null && HOST.matcher(host).matches() ? host : null;
    }

    private static String validScheme(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? scheme.toLowerCase() : null;
    }

    private static String firstValue(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return null;
        }
        int comma = headerValue.indexOf(',');
        return (comma < 0 ? headerValue : headerValue.substring(0, comma)).trim();
    }
}
