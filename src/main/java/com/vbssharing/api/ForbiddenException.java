package com.vbssharing.api;

import io.micronaut.http.HttpStatus;

/** 403 {@code forbidden}: the caller is authenticated but may not do this. */
public final class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
