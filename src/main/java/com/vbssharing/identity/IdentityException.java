package com.vbssharing.identity;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A refusal of the identity endpoint, answered in Keystone's error shape ({@code {"error": {"code", "title",
 * "message"}}}), which the clients signing in parse, rather than the Block Storage fault shape.
 */
public final class IdentityException extends RuntimeException {

    private final HttpStatus status;
    /** For an unsupported method: the methods that are supported, as Keystone lists them. */
    private final List<String> supportedMethods;

    private IdentityException(HttpStatus status, String message, List<String> supportedMethods) {
        super(message, null, false, false);
        this.status = status;
        this.supportedMethods = supportedMethods;
    }

    public static IdentityException badRequest(String message) {
        return new IdentityException(HttpStatus.BAD_REQUEST, message, null);
    }

    public static IdentityException unauthorized(String message) {
        return new IdentityException(HttpStatus.UNAUTHORIZED, message, null);
    }

    public static IdentityException unsupportedMethod(String message) {
        return new IdentityException(HttpStatus.UNAUTHORIZED, message, List.of(TokenRequest.TOKEN_METHOD));
    }

    public static IdentityException forbidden(String message) {
        return new IdentityException(HttpStatus.FORBIDDEN, message, null);
    }

    public static IdentityException notFound(String message) {
        return new IdentityException(HttpStatus.NOT_FOUND, message, null);
    }

    public HttpStatus status() {
        return status;
    }

    public List<String> supportedMethods() {
        return supportedMethods;
    }
}
