package com.vbssharing.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLineEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMESTAMP = 1_700_000_000_123L;

    private LoggerContext context;
    private Encoder<ILoggingEvent> encoder;

    @BeforeEach
    void setUp() {
        context = new LoggerContext();
        encoder = LogbackConfigurator.jsonEncoder(context);
    }

    private LoggingEvent event(String message, Throwable throwable) {
        return event(message, throwable, Map.of());
    }

    private LoggingEvent event(String message, Throwable throwable, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent(JsonLineEncoderTest.class.getName(),
                context.getLogger("com.vbssharing.Example"), Level.INFO, message, throwable, null);
        event.setTimeStamp(TIMESTAMP);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    private String line(ILoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private JsonNode json(ILoggingEvent event) throws Exception {
        return MAPPER.readTree(line(event));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Throwable deepThrowable(int depth, String message) {
        if (depth == 0) {
            return new IllegalStateException(message);
        }
        return deepThrowable(depth - 1, message);
    }

    @Test
    void writesOneLineEndingInASingleNewline() {
        String line = line(event("first\nsecond\r\nthird", new RuntimeException("boom\nagain")));

        assertTrue(line.endsWith("\n"));
        assertEquals(line.length() - 1, line.indexOf('\n'));
        assertFalse(line.contains("\r"));
    }

    @Test
    void writesTheFixedFieldsFirstInOrder() throws Exception {
        JsonNode node = json(event("hello {}", null));

        assertEquals(List.of("@timestamp", "message", "logger_name", "level"), fieldNames(node));
        assertEquals("2023-11-14T22:13:20.123Z", node.get("@timestamp").asText());
        assertEquals("hello {}", node.get("message").asText());
        assertEquals("com.vbssharing.Example", node.get("logger_name").asText());
        assertEquals("INFO", node.get("level").asText());
    }

    @Test
    void formatsTheMessageWithItsArguments() throws Exception {
        LoggingEvent event = new LoggingEvent(JsonLineEncoderTest.class.getName(),
                context.getLogger("x"), Level.WARN, "volume {} in {}", null, new Object[] {"v1", "az-1"});
        event.setMDCPropertyMap(Map.of());

        JsonNode node = json(event);

        assertEquals("volume v1 in az-1", node.get("message").asText());
        assertEquals("WARN", node.get("level").asText());
    }

    @Test
    void includesTheMdcAfterTheFixedFields() throws Exception {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("request_id", "r-1");
        mdc.put("tenant", "t-9");

        JsonNode node = json(event("hello", null, mdc));

        assertEquals(List.of("@timestamp", "message", "logger_name", "level", "request_id", "tenant"), fieldNames(node));
        assertEquals("r-1", node.get("request_id").asText());
        assertEquals("t-9", node.get("tenant").asText());
    }

    @Test
    void writesKeyValuePairsAsTypedTopLevelFields() throws Exception {
        LoggingEvent event = event("request", null);
        event.addKeyValuePair(new KeyValuePair("flag", true));
        event.addKeyValuePair(new KeyValuePair("status", 404));
        event.addKeyValuePair(new KeyValuePair("bytes", 5_000_000_000L));
        event.addKeyValuePair(new KeyValuePair("ratio", 0.25));
        event.addKeyValuePair(new KeyValuePair("weight", 1.5f));
        event.addKeyValuePair(new KeyValuePair("missing", null));
        event.addKeyValuePair(new KeyValuePair("path", "/volumes/v1"));
        event.addKeyValuePair(new KeyValuePair("kind", Level.ERROR));

        JsonNode node = json(event);

        assertEquals(List.of("@timestamp", "message", "logger_name", "level",
                "flag", "status", "bytes", "ratio", "weight", "missing", "path", "kind"), fieldNames(node));
        assertTrue(node.get("flag").isBoolean());
        assertTrue(node.get("flag").asBoolean());
        assertTrue(node.get("status").isIntegralNumber());
        assertEquals(404, node.get("status").asInt());
        assertTrue(node.get("bytes").isIntegralNumber());
        assertEquals(5_000_000_000L, node.get("bytes").asLong());
        assertTrue(node.get("ratio").isFloatingPointNumber());
        assertEquals(0.25, node.get("ratio").asDouble());
        assertTrue(node.get("weight").isFloatingPointNumber());
        assertEquals(1.5, node.get("weight").asDouble());
        assertTrue(node.get("missing").isNull());
        assertTrue(node.get("path").isTextual());
        assertEquals("/volumes/v1", node.get("path").asText());
        assertTrue(node.get("kind").isTextual());
        assertEquals("ERROR", node.get("kind").asText());
    }

    @Test
    void escapesAMessageSoItRoundTrips() throws Exception {
        String message = "say \"hi\" \\ back\nline two\ttab \u0001 caf\u00e9 \u4e2d \uD83D\uDE00";

        assertEquals(message, json(event(message, null)).get("message").asText());
    }

    @Test
    void writesNoStackTraceWithoutAThrowable() throws Exception {
        assertFalse(json(event("hello", null)).has("stack_trace"));
    }

    @Test
    void writesTheRootCauseFirstInTheStackTrace() throws Exception {
        Throwable root = new IllegalArgumentException("disk is gone");
        Throwable wrapper = new IllegalStateException("attach failed", root);

        String stackTrace = json(event("failed", wrapper)).get("stack_trace").asText();

        assertTrue(stackTrace.startsWith("java.lang.IllegalArgumentException: disk is gone"), stackTrace);
        int wrapperAt = stackTrace.indexOf("java.lang.IllegalStateException: attach failed");
        assertTrue(wrapperAt > 0, stackTrace);
        assertTrue(stackTrace.indexOf("\tat ") < wrapperAt, "root cause frames come before the wrapper");
    }

    @Test
    void keepsAtMostFortyFramesPerThrowable() throws Exception {
        Throwable root = deepThrowable(200, "deep root");
        Throwable wrapper = new RuntimeException("deep wrapper", root);
        assertTrue(root.getStackTrace().length > 200);

        String stackTrace = json(event("failed", wrapper)).get("stack_trace").asText();

        int wrapperAt = stackTrace.indexOf("java.lang.RuntimeException: deep wrapper");
        assertTrue(wrapperAt > 0, stackTrace);
        int rootFrames = frames(stackTrace.substring(0, wrapperAt));
        int wrapperFrames = frames(stackTrace.substring(wrapperAt));
        assertTrue(rootFrames > 0 && rootFrames <= JsonLineEncoder.MAX_STACK_FRAMES_PER_THROWABLE, "root: " + rootFrames);
        assertTrue(wrapperFrames > 0 && wrapperFrames <= JsonLineEncoder.MAX_STACK_FRAMES_PER_THROWABLE, "wrapper: " + wrapperFrames);
    }

    private static int frames(String stackTrace) {
        return (int) stackTrace.lines().filter(line -> line.stripLeading().startsWith("at ")).count();
    }

    @Test
    void cutsALongStackTraceAndMarksTheCut() throws Exception {
        Throwable huge = new RuntimeException("x".repeat(50_000));

        String stackTrace = json(event("failed", huge)).get("stack_trace").asText();

        assertEquals(JsonLineEncoder.MAX_STACK_TRACE_CHARS + 3, stackTrace.length());
        assertTrue(stackTrace.startsWith("java.lang.RuntimeException: xxx"));
        assertTrue(stackTrace.endsWith("x..."));
    }

    @Test
    void neverCutsACharacterInHalf() throws Exception {
        String prefix = "java.lang.RuntimeException: ";
        String message = "x".repeat(JsonLineEncoder.MAX_STACK_TRACE_CHARS - prefix.length() - 1)
                + "\uD83D\uDE00".repeat(10); // a high surrogate falls on the last place kept

        String stackTrace = json(event("failed", new RuntimeException(message))).get("stack_trace").asText();

        assertEquals(JsonLineEncoder.MAX_STACK_TRACE_CHARS - 1 + 3, stackTrace.length());
        assertTrue(stackTrace.endsWith("x..."), stackTrace.substring(stackTrace.length() - 10));
    }

    @Test
    void writesATimestampOnAWholeSecondWithItsMilliseconds() throws Exception {
        LoggingEvent event = event("tick", null);
        event.setTimeStamp(1_700_000_000_000L);

        assertEquals("2023-11-14T22:13:20.000Z", json(event).get("@timestamp").asText());
    }

    @Test
    void leavesOutMdcEntriesAndPairsNamedLikeTheLinesOwnFields() throws Exception {
        LoggingEvent event = event("real", null, Map.of("level", "mdc"));
        event.addKeyValuePair(new KeyValuePair("message", "pair"));
        event.addKeyValuePair(new KeyValuePair("operation", "GetShare"));

        String line = line(event);

        assertEquals(1, line.split("\"level\"", -1).length - 1, line);
        assertEquals(1, line.split("\"message\"", -1).length - 1, line);
        JsonNode json = MAPPER.readTree(line);
        assertEquals("real", json.get("message").asText());
        assertEquals("INFO", json.get("level").asText());
        assertEquals("GetShare", json.get("operation").asText());
    }

    @Test
    void textPatternPutsTheKeyValuePairsAfterTheMessage() {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(LogbackConfigurator.PATTERN);
        text.start();
        LoggingEvent event = event("request", null);
        event.addKeyValuePair(new KeyValuePair("a", 1));
        event.addKeyValuePair(new KeyValuePair("b", "x"));

        String line = new String(text.encode(event), StandardCharsets.UTF_8);

        assertTrue(line.contains(" INFO  com.vbssharing.Example - request a=1 b=x"), line);
        assertTrue(line.endsWith(System.lineSeparator()), line);
    }
}
