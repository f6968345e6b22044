package com.vbssharing.contention;

/**
 * A write was refused because another request changed what this one had read (or DynamoDB cancelled the
 * transaction for colliding with another one). Nothing was written; reading again and retrying may succeed.
 * {@link ContentionRetry} is the one place that catches it.
 */
public final class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message, null, false, false);
    }
}
