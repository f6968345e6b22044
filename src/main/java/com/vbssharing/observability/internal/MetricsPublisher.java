package com.vbssharing.observability.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.vbssharing.observability.Counter;
import com.vbssharing.observability.MetricsConfiguration;
import com.vbssharing.observability.Observation;
import com.vbssharing.observability.internal.MetricsDocument.Unit;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One CloudWatch Embedded Metric Format document ({@link MetricsDocument}) per observed operation, printed on
 * standard output, where Lambda's log group turns it into metrics of the configured namespace with one dimension,
 * {@code Operation}. SnapStart's priming requests get their documents made and dropped.
 */
@Singleton
public class MetricsPublisher {

    public static final String DIMENSION = "Operation";
    /** CloudWatch's rule for a namespace. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-zA-Z0-9._#:/-]{1,255}");

    private final JsonFactory json = JsonFactory.builder().build();
    private final String namespace;
    private final boolean enabled;
    private final Clock clock;

    public MetricsPublisher(MetricsConfiguration configuration, Clock clock) {
        this.namespace = configuration.getNamespace();
        this.enabled = configuration.isEnabled();
        this.clock = clock;
        if (enabled && (namespace == null || !NAMESPACE.matcher(namespace).matches())) {
            throw new IllegalArgumentException("vbs.metrics.namespace (VBS_METRICS_NAMESPACE) must match "
                    + NAMESPACE.pattern() + ", not " + namespace);
        }
    }

    void request(Observation observation, int status, long latencyMillis) {
        if (!enabled) {
            return;
        }
        MetricsDocument metrics = start(observation)
                .metric("Requests", 1, Unit.COUNT)
                .metric("ClientErrors", status >= 400 && status < 500 ? 1 : 0, Unit.COUNT)
                .metric("ServerErrors", status >= 500 ? 1 : 0, Unit.COUNT)
                .property("status", status);
        finish(metrics, observation, latencyMillis);
    }

    void batch(Observation observation, int records, int failedRecords, long latencyMillis) {
        if (!enabled) {
            return;
        }
        MetricsDocument metrics = start(observation)
                .metric("Records", records, Unit.COUNT)
                .metric("FailedRecords", failedRecords, Unit.COUNT);
        finish(metrics, observation, latencyMillis);
    }

    private MetricsDocument start(Observation observation) {
        return new MetricsDocument(namespace, DIMENSION, observation.operation(), clock.millis());
    }

    /** DynamoDB metrics only where DynamoDB was called: each metric name and operation pair is billed. */
    private void finish(MetricsDocument metrics, Observation observation, long latencyMillis) {
        metrics.metric("Latency", latencyMillis, Unit.MILLISECONDS);
        if (observation.dynamoDbCalls() > 0) {
            metrics.metric("DynamoDbCalls", observation.dynamoDbCalls(), Unit.COUNT)
                    .metric("DynamoDbTime", observation.dynamoDbMillis(), Unit.MILLISECONDS)
                    .metric("ConsumedReadCapacity", observation.consumedReadCapacity(), Unit.COUNT)
                    .metric("ConsumedWriteCapacity", observation.consumedWriteCapacity(), Unit.COUNT);
        }
        for (Map.Entry<Counter, Long> counted : observation.counters().entrySet()) {
            metrics.metric(counted.getKey().metricName(), counted.getValue(), Unit.COUNT);
        }
        if (observation.invocation().requestId() != null) {
            metrics.property("request_id", observation.invocation().requestId());
        }
        metrics.property("cold_start", observation.coldStart());
        String document = metrics.toJson(json);
        if (!observation.invocation().priming()) {
            System.out.println(document);
        }
    }
}
