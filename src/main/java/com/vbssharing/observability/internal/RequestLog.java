package com.vbssharing.observability.internal;

import com.vbssharing.api.Fault;
import com.vbssharing.logging.LogRehearsal;
import com.vbssharing.observability.Counter;
import com.vbssharing.observability.Observation;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One log line per API request and per stream batch or automation event, its fields as in README ("Finding a
 * request"), as the line's key-value pairs: in JSON fields of their own, in text {@code key=value} after the message.
 * A server-side failure is logged here, once, with its cause: at ERROR (a 503: WARN, with the reason). SnapStart's
 * priming requests get their lines made and dropped ({@link LogRehearsal}).
 */
@Singleton
public class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    /** Paths are the caller's input: cut like every echoed value. */
    static final int MAX_PATH = 256;

    void request(Observation observation, RequestFacts facts, long latencyMillis) {
        Fields fields = new Fields();
        fields.add("request_id", observation.invocation().requestId());
        fields.add("api_request_id", facts.apiRequestId());
        fields.add("trace_id", facts.traceId());
        fields.add("operation", observation.operation());
        fields.add("method", facts.method());
        fields.add("path", facts.path().length() <= MAX_PATH ? facts.path() : facts.path().substring(0, MAX_PATH) + "...");
        fields.add("project_id", facts.projectId());
        fields.add("status", facts.status());
        if (facts.status() >= 400) {
            fields.add("fault", Fault.name(HttpStatus.valueOf(facts.status())));
        }
        Level level = facts.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode() ? Level.WARN
                : facts.status() >= 500 ? Level.ERROR : Level.INFO;
        write("request", level, observation, fields, latencyMillis);
    }

    void batch(Observation observation, int records, int failedRecords, long latencyMillis) {
        Fields fields = new Fields();
        fields.add("request_id", observation.invocation().requestId());
        fields.add("trace_id", observation.invocation().traceId());
        fields.add("operation", observation.operation());
        fields.add("records", records);
        fields.add("failed_records", failedRecords);
        Level level = observation.failure() != null ? Level.ERROR : failedRecords > 0 ? Level.WARN : Level.INFO;
        write("batch", level, observation, fields, latencyMillis);
    }

    private void write(String message, Level level, Observation observation, Fields fields, long latencyMillis) {
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        fields.add("error", level == Level.INFO ? null : observation.failureMessage());
        fields.add("latency_ms", latencyMillis);
        fields.add("dynamodb_calls", observation.dynamoDbCalls());
        fields.add("dynamodb_ms", observation.dynamoDbMillis());
        fields.add("consumed_read_capacity", observation.consumedReadCapacity());
        fields.add("consumed_write_capacity", observation.consumedWriteCapacity());
        for (Map.Entry<Counter, Long> counted : observation.counters().entrySet()) {
            fields.add(counted.getKey().logField(), counted.getValue());
        }
        fields.add("cold_start", observation.coldStart());
        Throwable cause = level == Level.ERROR ? observation.failure() : null;
        if (observation.invocation().priming()) {
            LogRehearsal.encode(LOG, level, message, fields.pairs, cause);
            return;
        }
        LoggingEventBuilder line = LOG.atLevel(level).setMessage(message);
        for (KeyValuePair pair : fields.pairs) {
            line = line.addKeyValue(pair.key, pair.value);
        }
        if (cause != null) {
            line = line.setCause(cause);
        }
        line.log();
    }

    /** The line's fields in order; absent values are left out rather than written as null. */
    private static final class Fields {
        private final List<KeyValuePair> pairs = new ArrayList<>();

        void add(String name, Object value) {
            if (value != null) {
                pairs.add(new KeyValuePair(name, value));
            }
        }
    }
}
