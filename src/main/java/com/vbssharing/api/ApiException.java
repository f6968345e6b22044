package com.vbssharing.api;

import io.micronaut.http.HttpStatus;

/**
 * A failure the client can act on. Each subclass is one OpenStack fault kind; {@link FaultExceptionHandler}
 * turns any of them into the fault body {@code {"<name>": {"code": <status>, "message": "..."}}}.
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message, null, false, false);
    }

    public abstract HttpStatus status();
}
