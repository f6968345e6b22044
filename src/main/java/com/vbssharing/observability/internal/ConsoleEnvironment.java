package com.vbssharing.observability.internal;

import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ConsoleSink;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * Metrics documents on standard output outside Lambda (the local run, tests), as the library writes them in
 * Lambda, without the Lambda environment's properties. (The library's own local environment is not public.)
 */
final class ConsoleEnvironment implements Environment {

    private final ISink sink = new ConsoleSink();

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
