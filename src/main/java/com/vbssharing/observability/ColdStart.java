package com.vbssharing.observability;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a request is the first this copy of the function serves: the first after the JVM started, or after
 * Lambda restored it from a SnapStart snapshot ({@link #restored()}). SnapStart's priming requests do not count.
 */
public final class ColdStart {

    private static final AtomicBoolean PENDING = new AtomicBoolean(true);

    private ColdStart() {
    }

    /** True for the first caller only. */
    static boolean take() {
        return PENDING.getAndSet(false);
    }

    /** The snapshot was restored: the next request is a cold start again. */
    public static void restored() {
        PENDING.set(true);
    }
}
