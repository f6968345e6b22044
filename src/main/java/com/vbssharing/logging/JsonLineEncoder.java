package com.vbssharing.logging;

import ch.qos.logback.classic.pattern.RootCauseFirstThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.event.KeyValuePair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object per line: {@code @timestamp}, {@code message}, {@code logger_name}, {@code level}, the MDC, the
 * line's key-value pairs as fields of their own (the request line's, observability/internal/RequestLog) and a
 * {@code stack_trace}, root cause first, cut to a readable size. Written with jackson-core's streaming generator,
 * which the service loads anyway for its API bodies: logstash-logback-encoder did the same job through
 * jackson-databind, ~500 classes more on a cold start (docs/decisions.md, "Logs and metrics in the functions").
 */
public class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    static final int MAX_STACK_FRAMES_PER_THROWABLE = 40;
    static final int MAX_STACK_TRACE_CHARS = 16_384;
    private static final byte[] NO_BYTES = new byte[0];
    /** The line's own fields: an MDC entry or a key-value pair of the same name is left out, not written twice. */
    private static final Set<String> OWN_FIELDS = Set.of("@timestamp", "message", "logger_name", "level", "stack_trace");

    private final JsonFactory json = JsonFactory.builder().build();
    private final LineTimestamps timestamps = new LineTimestamps();
    private final RootCauseFirstThrowableProxyConverter stackTraces = new RootCauseFirstThrowableProxyConverter();

    @Override
    public void start() {
        stackTraces.setContext(getContext());
        stackTraces.setOptionList(List.of(String.valueOf(MAX_STACK_FRAMES_PER_THROWABLE)));
        stackTraces.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return NO_BYTES;
    }

    @Override
    public byte[] footerBytes() {
        return NO_BYTES;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        try (JsonGenerator out = json.createGenerator(line)) {
            out.writeStartObject();
            out.writeStringField("@timestamp", timestamps.format(event.getTimeStamp()));
            out.writeStringField("message", event.getFormattedMessage());
            out.writeStringField("logger_name", event.getLoggerName());
            out.writeStringField("level", event.getLevel().toString());
            for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
                if (!OWN_FIELDS.contains(entry.getKey())) {
                    out.writeStringField(entry.getKey(), entry.getValue());
                }
            }
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    if (!OWN_FIELDS.contains(pair.key)) {
                        out.writeFieldName(pair.key);
                        JsonValues.write(out, pair.value);
                    }
                }
            }
            if (event.getThrowableProxy() != null) {
                out.writeStringField("stack_trace", cut(stackTraces.convert(event)));
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.write('\n');
        return line.toByteArray();
    }

    private static String cut(String stackTrace) {
        if (stackTrace.length() <= MAX_STACK_TRACE_CHARS) {
            return stackTrace;
        }
        int end = Character.isHighSurrogate(stackTrace.charAt(MAX_STACK_TRACE_CHARS - 1))
                ? MAX_STACK_TRACE_CHARS - 1 : MAX_STACK_TRACE_CHARS; // never half a character
        return stackTrace.substring(0, end) + "...";
    }
}
