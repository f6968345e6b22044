package com.vbssharing.api;

import io.micronaut.http.HttpStatus;

/** 409 {@code conflictingRequest}: the request collides with the current state (or a concurrent request). */
public final class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
