package com.vbssharing.observability.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ConsoleSink;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

import java.util.concurrent.CompletableFuture;

/**
 * Metrics documents on standard output outside Lambda (the local run, tests), as the library writes them in
 * Lambda, without the Lambda environment's properties. (The library's own local environment is not public.)
 */
final class ConsoleEnvironment implements Environment {

    /** Serializes each document as the console sink would, and drops it (SnapStart priming). */
    static final ConsoleEnvironment REHEARSAL = new ConsoleEnvironment(new ISink() {
        @Override
        public void accept(MetricsContext context) {
            try {
                context.serialize();
            } catch (JsonProcessingException e) {
                // Dropped anyway.
            }
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            return CompletableFuture.completedFuture(null);
        }
    });

    private final ISink sink;

    ConsoleEnvironment() {
        this(new ConsoleSink());
    }

    private ConsoleEnvironment(ISink sink) {
        this.sink = sink;
    }

    @Override
    public boolean probe() {
        return true;
    }

    @Override
    public String getName() {
        return "Local";
    }

    @Override
    public String getType() {
        return "Local";
    }

    @Override
    public String getLogGroupName() {
        return "";
    }

    @Override
    public void configureContext(MetricsContext context) {
        // Nothing to add: no function, version or log stream to name.
    }

    @Override
    public ISink getSink() {
        return sink;
    }
}
