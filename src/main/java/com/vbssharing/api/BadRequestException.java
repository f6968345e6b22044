package com.vbssharing.api;

import io.micronaut.http.HttpStatus;

/** 400 {@code badRequest}: the request is malformed or breaks a rule of the API. */
public class BadRequestException extends ApiException {

    public BadRequestException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
