package com.vbssharing.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one place an {@link ApiException} becomes an HTTP response. */
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class FaultExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
        return HttpResponse.status(exception.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Fault.body(exception.status(), exception.getMessage()));
    }
}
