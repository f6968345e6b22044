package com.vbssharing.identity;

import com.vbssharing.api.Fault;
import com.vbssharing.api.Links;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Keystone's error body, and the one place an {@link IdentityException} becomes a response. */
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class KeystoneErrors implements ExceptionHandler<IdentityException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, IdentityException exception) {
        return response(request, exception.status(), exception.getMessage(), exception.supportedMethods());
    }

    /** {@code {"error": {"code", "title", "message"[, "identity": {"methods"}]}}}; a 401 says where to sign in. */
    public static MutableHttpResponse<Map<String, Object>> response(HttpRequest<?> request, HttpStatus status,
                                                                    String message, List<String> supportedMethods) {
        Map<String, Object> body = Fault.keystoneBody(status, message);
        if (supportedMethods != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) body.get("error");
            error.put("identity", Map.of("methods", supportedMethods));
        }
        MutableHttpResponse<Map<String, Object>> response = HttpResponse.<Map<String, Object>>status(status)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(body);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Keystone uri=\"" + Links.baseUrl(request) + "/identity\"");
        }
        return response;
    }
}
