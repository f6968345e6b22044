package com.vbssharing.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.function.aws.proxy.ApiGatewayServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request body may be, checked before anything reads it (docs/reliability.md): at most
 * {@link #MAX_BODY_BYTES} (413 {@code overLimit}), not compressed ({@code Content-Encoding} other than
 * {@code identity}: 415), and JSON in UTF-8 ({@code charset} other than UTF-8: 415). Both entry points: the local
 * server and the Lambda handler.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestBodyFilter implements Ordered {

    /** Far above any body of this API (a share request for ten projects is under 1 KB). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^;\"]*)\"?");

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        long length = bodyLength(request);
        if (length > MAX_BODY_BYTES) {
            return fault(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is " + length
                    + " bytes; the most this API takes is " + MAX_BODY_BYTES + ".");
        }
        String encoding = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            return fault(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding " + Ids.abbreviated(encoding.trim())
                    + " is not supported: send the body uncompressed.");
        }
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            Matcher charset = CHARSET.matcher(contentType);
            if (charset.find() && !isUtf8(charset.group(1).trim())) {
                return fault(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset '"
                        + Ids.abbreviated(charset.group(1).trim()) + "': send the body as JSON in UTF-8.");
            }
        }
        return null;
    }

    /** First of all: nothing else may read a body that is refused. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    private static boolean isUtf8(String charset) {
        String name = charset.toLowerCase(Locale.ROOT);
        return name.equals("utf-8") || name.equals("utf8");
    }

    /** The declared length; on Lambda the event's body itself (API Gateway delivers it whole). */
    private static long bodyLength(HttpRequest<?> request) {
        if (request instanceof ApiGatewayServletRequest<?, ?, ?> lambda
                && lambda.getNativeRequest() instanceof APIGatewayProxyRequestEvent event && event.getBody() != null) {
            String body = event.getBody();
            return Boolean.TRUE.equals(event.getIsBase64Encoded())
                    ? body.length() * 3L / 4
                    : body.getBytes(StandardCharsets.UTF_8).length;
        }
        return request.getContentLength();
    }

    private static HttpResponse<?> fault(HttpRequest<?> request, HttpStatus status, String message) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Fault.bodyFor(request.getPath(), status, message));
    }
}
