package com.vbssharing.api;

import com.vbssharing.observability.Observations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place an {@link ApiException} becomes an HTTP response. A 503 says when to retry. */
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class FaultExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
        MutableHttpResponse<?> response = HttpResponse.status(exception.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Fault.bodyFor(request.getPath(), exception.status(), exception.getMessage()));
        if (exception instanceof ServiceUnavailableException unavailable) {
            Observations.of(request).ifPresentOrElse(observation -> observation.unavailable(exception.getMessage()),
                    () -> LOG.warn("{} {} answered 503: {}", request.getMethod(), request.getPath(), exception.getMessage()));
            response.header("Retry-After", Integer.toString(unavailable.retryAfterSeconds()));
        }
        return response;
    }
}
