package com.vbssharing.observability;

import com.vbssharing.observability.internal.ObservationReporter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Where the code that serves a request finds its {@link Observation}: an API request's travels with the request
 * (Micronaut hands the request to the threads that serve it); a stream batch's or automation event's stays on
 * the handler's thread, which serves it alone.
 */
@Singleton
public class Observations implements Activity {

    private static final String REQUEST_ATTRIBUTE = Observation.class.getName();
    private static final Invocation OUTSIDE_LAMBDA = new Invocation(null, null, false);
    private static final ThreadLocal<Observation> BATCH = new ThreadLocal<>();

    private final ObservationReporter reporter;

    public Observations(ObservationReporter reporter) {
        this.reporter = reporter;
    }

    /** Counts what the current request or batch did; nothing outside one. */
    @Override
    public void count(Counter counter, long amount) {
        if (amount != 0) {
            current().ifPresent(observation -> observation.count(counter, amount));
        }
    }

    public Optional<Observation> current() {
        Observation batch = BATCH.get();
        if (batch != null) {
            return Optional.of(batch);
        }
        return ServerRequestContext.currentRequest().flatMap(Observations::of);
    }

    /**
     * Whether this thread serves one of SnapStart's priming requests: on the invocation's thread, or on a thread
     * the request was handed to (a server that does not run requests where they arrive).
     */
    public static boolean servingPriming() {
        return Invocation.isPriming() || ServerRequestContext.currentRequest().flatMap(Observations::of)
                .map(observation -> observation.invocation().priming()).orElse(false);
    }

    public static Optional<Observation> of(HttpRequest<?> request) {
        return request.getAttribute(REQUEST_ATTRIBUTE, Observation.class);
    }

    /** Starts observing an API request: called first thing, on the thread the invocation began on. */
    Observation begin(HttpRequest<?> request, String operation, long startNanos) {
        Observation observation = new Observation(operation, Invocation.current().orElse(OUTSIDE_LAMBDA), startNanos);
        request.setAttribute(REQUEST_ATTRIBUTE, observation);
        return observation;
    }

    /**
     * Serves one stream batch or automation event as an observed operation: one log line and one metrics document
     * when it ends, with its failed records ({@code failedRecords} of the result; all of them if it throws).
     */
    public <T> T batch(String operation, int records, ToIntFunction<T> failedRecords, Supplier<T> work) {
        Observation observation = new Observation(operation, Invocation.current().orElse(OUTSIDE_LAMBDA),
                System.nanoTime());
        BATCH.set(observation);
        try {
            T result = work.get();
            reporter.batchEnded(observation, records, failedRecords.applyAsInt(result));
            return result;
        } catch (RuntimeException | Error e) {
            observation.failed(e);
            reporter.batchEnded(observation, records, records);
            throw e;
        } finally {
            BATCH.remove();
        }
    }
}
