package com.vbssharing.api;

import io.micronaut.http.HttpStatus;

/**
 * 503 {@code serviceUnavailable}: a dependency this service needs (DynamoDB) is down, throttling, too slow or not
 * set up. Not the caller's fault, and worth retrying after {@link #retryAfterSeconds()} (the answer's
 * {@code Retry-After}).
 */
public final class ServiceUnavailableException extends ApiException {

    private final int retryAfterSeconds;

    public ServiceUnavailableException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }
}
