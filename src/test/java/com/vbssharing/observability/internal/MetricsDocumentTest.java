package com.vbssharing.observability.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vbssharing.observability.internal.MetricsDocument.Unit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsDocumentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final long TIMESTAMP = 1_700_000_000_123L;

    private static MetricsDocument document() {
        return new MetricsDocument("VbsSharing/test", "Operation", "createShare", TIMESTAMP);
    }

    private static JsonNode json(MetricsDocument document) throws Exception {
        return MAPPER.readTree(document.toJson(JSON));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void writesTheEmbeddedMetricFormatDirective() throws Exception {
        JsonNode node = json(document()
                .metric("Requests", 1, Unit.COUNT)
                .metric("Latency", 42L, Unit.MILLISECONDS)
                .metric("ServerErrors", 0, Unit.COUNT));

        JsonNode aws = node.get("_aws");
        assertTrue(aws.get("Timestamp").isIntegralNumber());
        assertEquals(TIMESTAMP, aws.get("Timestamp").asLong());
        assertEquals(1, aws.get("CloudWatchMetrics").size());
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertEquals("VbsSharing/test", directive.get("Namespace").asText());
        assertEquals(MAPPER.readTree("[[\"Operation\"]]"), directive.get("Dimensions"));
        assertEquals(MAPPER.readTree("""
                [{"Name": "Requests", "Unit": "Count"},
                 {"Name": "Latency", "Unit": "Milliseconds"},
                 {"Name": "ServerErrors", "Unit": "Count"}]"""), directive.get("Metrics"));
    }

    @Test
    void writesTheDimensionValueThenTheMetricValuesAtTopLevel() throws Exception {
        JsonNode node = json(document()
                .metric("Requests", 1, Unit.COUNT)
                .metric("Latency", 42L, Unit.MILLISECONDS));

        assertEquals(List.of("_aws", "Operation", "Requests", "Latency"), fieldNames(node));
        assertEquals("createShare", node.get("Operation").asText());
        assertEquals(1, node.get("Requests").asInt());
        assertEquals(42, node.get("Latency").asLong());
    }

    @Test
    void keepsIntegralValuesIntegralAndFractionsFractional() throws Exception {
        JsonNode node = json(document()
                .metric("Records", 7_000_000_000L, Unit.COUNT)
                .metric("ConsumedReadCapacity", 2.5, Unit.COUNT)
                .metric("DynamoDbTime", 0.75f, Unit.MILLISECONDS));

        assertTrue(node.get("Records").isIntegralNumber());
        assertEquals(7_000_000_000L, node.get("Records").asLong());
        assertTrue(node.get("ConsumedReadCapacity").isFloatingPointNumber());
        assertEquals(2.5, node.get("ConsumedReadCapacity").asDouble());
        assertTrue(node.get("DynamoDbTime").isFloatingPointNumber());
        assertEquals(0.75, node.get("DynamoDbTime").asDouble());
    }

    @Test
    void writesPropertiesWithTheirJsonTypesAfterTheMetrics() throws Exception {
        JsonNode node = json(document()
                .metric("Requests", 1, Unit.COUNT)
                .property("request_id", "abc-123")
                .property("cold_start", true)
                .property("status", 503)
                .property("ratio", 0.5));

        assertEquals(List.of("_aws", "Operation", "Requests", "request_id", "cold_start", "status", "ratio"),
                fieldNames(node));
        assertTrue(node.get("request_id").isTextual());
        assertEquals("abc-123", node.get("request_id").asText());
        assertTrue(node.get("cold_start").isBoolean());
        assertTrue(node.get("cold_start").asBoolean());
        assertTrue(node.get("status").isIntegralNumber());
        assertEquals(503, node.get("status").asInt());
        assertTrue(node.get("ratio").isFloatingPointNumber());
        assertEquals(0.5, node.get("ratio").asDouble());
    }

    @Test
    void propertiesAreNotListedAsMetrics() throws Exception {
        JsonNode metrics = json(document().metric("Requests", 1, Unit.COUNT).property("status", 200))
                .get("_aws").get("CloudWatchMetrics").get(0).get("Metrics");

        assertEquals(1, metrics.size());
        assertEquals("Requests", metrics.get(0).get("Name").asText());
    }

    @Test
    void holdsAtMostOneHundredMetrics() throws Exception {
        MetricsDocument document = document();
        for (int i = 0; i < MetricsDocument.MAX_METRICS; i++) {
            document.metric("Metric" + i, i, Unit.COUNT);
        }

        assertThrows(IllegalStateException.class, () -> document.metric("OneTooMany", 1, Unit.COUNT));
        assertEquals(100, json(document).get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").size());
    }

    @Test
    void escapesStringsSoTheyRoundTrip() throws Exception {
        String awkward = "a \"quoted\" \\ value\nwith\ttabs \u0002 caf\u00e9 \uD83D\uDE00";
        MetricsDocument document = new MetricsDocument("VbsSharing/test", "Operation", awkward, TIMESTAMP)
                .metric(awkward, 1, Unit.COUNT)
                .property("request_id", awkward);

        String text = document.toJson(JSON);
        JsonNode node = MAPPER.readTree(text);

        assertEquals(-1, text.indexOf('\n'));
        assertEquals(awkward, node.get("Operation").asText());
        assertEquals(awkward, node.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").get(0).get("Name").asText());
        assertEquals(1, node.get(awkward).asInt());
        assertEquals(awkward, node.get("request_id").asText());
    }
}
