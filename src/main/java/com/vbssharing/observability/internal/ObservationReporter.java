package com.vbssharing.observability.internal;

import com.vbssharing.observability.Observation;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports an observation once it ends: its log line, then its metrics. SnapStart's priming is never reported. A
 * report that fails costs the report, never the answer.
 */
@Singleton
public class ObservationReporter {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationReporter.class);

    private final RequestLog log;
    private final MetricsPublisher metrics;

    public ObservationReporter(RequestLog log, MetricsPublisher metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    /** A priming request's line and metrics are made as for any request, then dropped (RequestLog, MetricsPublisher). */
    public void requestEnded(Observation observation, RequestFacts facts) {
        long latency = observation.elapsedMillis(System.nanoTime());
        try {
            log.request(observation, facts, latency);
            metrics.request(observation, facts.status(), latency);
        } catch (RuntimeException e) {
            LOG.warn("The {} request could not be reported", observation.operation(), e);
        }
    }

    public void batchEnded(Observation observation, int records, int failedRecords) {
        if (observation.invocation().priming()) {
            return;
        }
        long latency = observation.elapsedMillis(System.nanoTime());
        try {
            log.batch(observation, records, failedRecords, latency);
            metrics.batch(observation, records, failedRecords, latency);
        } catch (RuntimeException e) {
            LOG.warn("The {} batch could not be reported", observation.operation(), e);
        }
    }
}
