package com.vbssharing.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions about this API's conventions. */
public final class Assertions2 {

    /** Go's layout 2006-01-02T15:04:05.999999: no zone suffix. */
    public static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}$");

    private Assertions2() {
    }

    /** The OpenStack fault body: exactly {"name": {"code": status, "message": non-empty}}. */
    public static void assertFault(Api.Response response, int status, String name) {
        assertEquals(status, response.status(), () -> "status of " + response);
        JsonNode body = response.json();
        assertEquals(1, body.size(), () -> "one fault in " + response);
        JsonNode fault = body.get(name);
        assertTrue(fault != null && fault.isObject(), () -> "fault '" + name + "' in " + response);
        assertEquals(status, fault.get("code").asInt(), () -> "code in " + response);
        assertTrue(fault.get("message").isTextual() && !fault.get("message").asText().isBlank());
        assertFalse(response.body().contains("Exception"), () -> "no exception names leak: " + response);
    }

    public static void assertFault(Api.Response response, int status, String name, String messagePart) {
        assertFault(response, status, name);
        String message = response.json().get(name).get("message").asText();
        assertTrue(message.contains(messagePart), () -> "message '" + message + "' should mention '" + messagePart + "'");
    }

    public static void assertTimestamp(JsonNode value) {
        assertTrue(value.isTextual() && TIMESTAMP.matcher(value.asText()).matches(), () -> "timestamp layout: " + value);
    }

    public static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }
}
