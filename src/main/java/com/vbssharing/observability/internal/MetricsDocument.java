package com.vbssharing.observability.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.vbssharing.logging.JsonValues;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * the {@code _aws} directive naming the namespace, the one dimension and each metric's unit, then the dimension's
 * value, the metric values and plain properties as top-level members. A document holds at most
 * {@value #MAX_METRICS} metrics, the format's limit; ours hold about ten.
 */
final class MetricsDocument {

    static final int MAX_METRICS = 100;

    enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String name;

        Unit(String name) {
            this.name = name;
        }
    }

    private record Metric(String name, Number value, Unit unit) {
    }

    private final String namespace;
    private final String dimension;
    private final String dimensionValue;
    private final long timestampMillis;
    private final List<Metric> metrics = new ArrayList<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    MetricsDocument(String namespace, String dimension, String dimensionValue, long timestampMillis) {
        this.namespace = namespace;
        this.dimension = dimension;
        this.dimensionValue = dimensionValue;
        this.timestampMillis = timestampMillis;
    }

    MetricsDocument metric(String name, Number value, Unit unit) {
        if (metrics.size() == MAX_METRICS) {
            throw new IllegalStateException("An Embedded Metric Format document holds at most " + MAX_METRICS + " metrics");
        }
        metrics.add(new Metric(name, value, unit));
        return this;
    }

    /** A value CloudWatch Logs keeps with the document (searchable in Logs Insights) but makes no metric of. */
    MetricsDocument property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    String toJson(JsonFactory json) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartObject();
            out.writeObjectFieldStart("_aws");
            out.writeNumberField("Timestamp", timestampMillis);
            out.writeArrayFieldStart("CloudWatchMetrics");
            out.writeStartObject();
            out.writeStringField("Namespace", namespace);
            out.writeArrayFieldStart("Dimensions");
            out.writeStartArray();
            out.writeString(dimension);
            out.writeEndArray();
            out.writeEndArray();
            out.writeArrayFieldStart("Metrics");
            for (Metric metric : metrics) {
                out.writeStartObject();
                out.writeStringField("Name", metric.name());
                out.writeStringField("Unit", metric.unit().name);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeEndArray();
            out.writeEndObject();
            out.writeStringField(dimension, dimensionValue);
            for (Metric metric : metrics) {
                out.writeFieldName(metric.name());
                JsonValues.write(out, metric.value());
            }
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                out.writeFieldName(property.getKey());
                JsonValues.write(out, property.getValue());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
