package com.vbssharing.observability.internal;

import com.vbssharing.observability.Counter;
import com.vbssharing.observability.MetricsConfiguration;
import com.vbssharing.observability.Observation;
import jakarta.inject.Singleton;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document per observed operation, written to standard output, where
 * Lambda's log group turns it into metrics of the configured namespace with one dimension, {@code Operation}.
 * The environment is chosen here, not probed: the library's probing would try EC2's metadata address outside
 * Lambda. SnapStart's priming requests get their documents made and dropped.
 */
@Singleton
public class MetricsPublisher {

    public static final String DIMENSION = "Operation";

    private final MetricsConfiguration configuration;
    private final boolean enabled;
    private final Environment environment;

    public MetricsPublisher(MetricsConfiguration configuration) {
        this.configuration = configuration;
        this.enabled = configuration.isEnabled();
        this.environment = MetricsConfiguration.inLambda() ? new LambdaEnvironment() : new ConsoleEnvironment();
    }

    void request(Observation observation, int status, long latencyMillis) {
        if (!enabled) {
            return;
        }
        MetricsLogger metrics = start(observation);
        metrics.putMetric("Requests", 1, Unit.COUNT);
        metrics.putMetric("ClientErrors", status >= 400 && status < 500 ? 1 : 0, Unit.COUNT);
        metrics.putMetric("ServerErrors", status >= 500 ? 1 : 0, Unit.COUNT);
        metrics.putProperty("status", status);
        finish(metrics, observation, latencyMillis);
    }

    void batch(Observation observation, int records, int failedRecords, long latencyMillis) {
        if (!enabled) {
            return;
        }
        MetricsLogger metrics = start(observation);
        metrics.putMetric("Records", records, Unit.COUNT);
        metrics.putMetric("FailedRecords", failedRecords, Unit.COUNT);
        finish(metrics, observation, latencyMillis);
    }

    private MetricsLogger start(Observation observation) {
        MetricsLogger metrics = new MetricsLogger(observation.invocation().priming() ? ConsoleEnvironment.REHEARSAL
                : environment);
        metrics.setNamespace(configuration.getNamespace());
        metrics.setDimensions(DimensionSet.of(DIMENSION, observation.operation()));
        return metrics;
    }

    /** DynamoDB metrics only where DynamoDB was called: each metric name and operation pair is billed. */
    private static void finish(MetricsLogger metrics, Observation observation, long latencyMillis) {
        metrics.putMetric("Latency", latencyMillis, Unit.MILLISECONDS);
        if (observation.dynamoDbCalls() > 0) {
            metrics.putMetric("DynamoDbCalls", observation.dynamoDbCalls(), Unit.COUNT);
            metrics.putMetric("DynamoDbTime", observation.dynamoDbMillis(), Unit.MILLISECONDS);
            metrics.putMetric("ConsumedReadCapacity", observation.consumedReadCapacity(), Unit.COUNT);
            metrics.putMetric("ConsumedWriteCapacity", observation.consumedWriteCapacity(), Unit.COUNT);
        }
        for (Map.Entry<Counter, Long> counted : observation.counters().entrySet()) {
            metrics.putMetric(counted.getKey().metricName(), counted.getValue(), Unit.COUNT);
        }
        if (observation.invocation().requestId() != null) {
            metrics.putProperty("request_id", observation.invocation().requestId());
        }
        metrics.putProperty("cold_start", observation.coldStart());
        metrics.flush();
    }
}
