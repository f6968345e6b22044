package com.vbssharing.lambda.internal;

/** An event whose headers HTTP does not allow: a control character in a value, or a name that is no token. */
public final class InvalidHeadersException extends RuntimeException {

    InvalidHeadersException(IllegalArgumentException cause) {
        super(cause.getMessage(), cause);
    }
}
