package com.vbssharing.observability;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * The Lambda invocation the current thread is serving: its request id and X-Ray trace id, or the SnapStart
 * priming that runs requests before the snapshot (observed like any other, but never reported). Set on the
 * invocation's thread when it begins; the request's {@link Observation} copies it, so the threads that serve the
 * request later need not see it.
 */
public record Invocation(@Nullable String requestId, @Nullable String traceId, boolean priming) {

    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();
    private static final Invocation PRIMING = new Invocation(null, null, true);

    /** Marks the start of a Lambda invocation on this thread (the previous one on it has ended). */
    public static void begin(@Nullable String requestId, @Nullable String traceId) {
        if (!isPriming()) {
            CURRENT.set(new Invocation(requestId, traceId, false));
        }
    }

    /** Runs SnapStart's priming requests: their observations are made and dropped. */
    public static void prime(Runnable requests) {
        CURRENT.set(PRIMING);
        try {
            requests.run();
        } finally {
            CURRENT.remove();
        }
    }

    public static Optional<Invocation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Whether this thread is running SnapStart's priming requests. */
    static boolean isPriming() {
        Invocation current = CURRENT.get();
        return current != null && current.priming();
    }

    /** The {@code Root} of an X-Ray trace header ({@code Root=1-…;Parent=…;Sampled=1}), else null. */
    @Nullable
    public static String traceRoot(@Nullable String traceHeader) {
        if (traceHeader == null) {
            return null;
        }
        for (String part : traceHeader.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("Root=")) {
                return bounded(trimmed.substring("Root=".length()));
            }
        }
        return null;
    }

    private static String bounded(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64);
    }
}
