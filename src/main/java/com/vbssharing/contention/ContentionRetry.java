package com.vbssharing.contention;

import com.vbssharing.api.ConflictException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one retry policy for writes that lose a race: a read-then-write attempt that ends in
 * {@link ConcurrentChangeException} is run again from its read, after a jittered, growing pause; after
 * {@link #ATTEMPTS} attempts the caller gets 409 {@code conflictingRequest} and is told to retry.
 */
@Singleton
public class ContentionRetry {

    /** Attempts in all. With the pauses below, a request gives up after at most ~0.3 s of waiting. */
    public static final int ATTEMPTS = 6;
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long MAX_PAUSE_MILLIS = 320;

    private final Pauser pauser;

    @Inject
    public ContentionRetry() {
        this(ContentionRetry::sleep);
    }

    /** For tests: a pauser that does not sleep. */
    public ContentionRetry(Pauser pauser) {
        this.pauser = pauser;
    }

    /**
     * Runs {@code attempt} until it completes without a concurrent change. {@code subject} names what was
     * contended, for the 409's message ("Backup 1234").
     */
    public <T> T run(String subject, Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConcurrentChangeException e) {
                if (i == ATTEMPTS) {
                    throw new ConflictException(subject + " is being changed by other requests. Retry.");
                }
                pauser.pause(pauseBefore(i + 1));
            }
        }
    }

    public void run(String subject, Runnable attempt) {
        run(subject, () -> {
            attempt.run();
            return null;
        });
    }

    /** Full jitter over a doubling window: 5–10, 5–20, 5–40 … ms, capped. */
    static long pauseBefore(int attempt) {
        long window = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt - 1, 10));
        return ThreadLocalRandom.current().nextLong(FIRST_PAUSE_MILLIS, window + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("Interrupted while retrying. Retry the request.");
        }
    }

    @FunctionalInterface
    public interface Pauser {
        void pause(long millis);
    }
}
