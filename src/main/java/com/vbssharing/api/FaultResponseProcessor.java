package com.vbssharing.api;

import com.vbssharing.observability.Observations;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gives every error the framework itself answers (unknown route, wrong method, wrong media type,
 * unreadable body, security rejections, unexpected exceptions) the OpenStack fault body instead of
 * Micronaut's default JSON error (Keystone's error body under {@code /identity}). Server-side failures never leak their cause to the client.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class FaultResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultResponseProcessor.class);

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String message;
        if (status.getCode() >= 500 && undecodableBody(context)) {
            status = HttpStatus.BAD_REQUEST;
            response.status(status);
            message = "The request body could not be decoded as its Content-Encoding says: send it uncompressed.";
        } else {
            message = status.getCode() >= 500 ? serverFailureMessage(context) : clientMessage(context, status);
        }
        Map<String, Object> body = Fault.bodyFor(context.getRequest().getPath(), status, message);
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /**
     * The local server decompresses a body whose Content-Encoding it knows (gzip, deflate, snappy) before any filter
     * runs; a body that is not so encoded fails there, in Netty's decoder. The client's fault, not ours. (By class
     * name: the Lambda package carries no Netty codec.)
     */
    private static boolean undecodableBody(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (name.startsWith("io.netty.handler.codec.") && (name.endsWith("DecoderException")
                    || name.endsWith("ompressionException"))) {
                return true;
            }
        }
        return false;
    }

    private static String serverFailureMessage(ErrorContext context) {
        // Logged once, with the request's own line (observability); here only if the request is not observed.
        context.getRootCause().ifPresent(cause -> Observations.of(context.getRequest()).ifPresentOrElse(
                observation -> observation.failed(cause),
                () -> LOG.error("Request {} {} failed", context.getRequest().getMethod(), context.getRequest().getPath(),
                        cause)));
        return "The server could not complete the request. Retry later.";
    }

    private static String clientMessage(ErrorContext context, HttpStatus status) {
        return switch (status.getCode()) {
            case 401 -> "Authentication required: send a valid, unexpired token in X-Auth-Token or Authorization: Bearer.";
            case 403 -> "The token does not grant access to this resource.";
            case 404 -> "The resource could not be found: " + context.getRequest().getPath();
            case 405 -> "Method " + context.getRequest().getMethod() + " is not allowed on " + context.getRequest().getPath() + ".";
            case 415 -> "Unsupported media type: send the body as application/json.";
            default -> context.hasErrors()
                    ? context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "))
                    : status.getReason();
        };
    }
}
