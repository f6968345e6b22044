package com.vbssharing.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Standard output, where the functions write their Embedded Metric Format documents, read by a test. */
public final class MetricsOutput {

    private MetricsOutput() {
    }

    /** Runs {@code work} with standard output captured; what it printed, one entry per line. */
    public static List<String> capture(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The one metrics document among the lines: exactly one per request or batch. */
    public static JsonNode onlyDocument(List<String> printed) {
        List<JsonNode> documents = new ArrayList<>();
        for (String text : printed) {
            if (text.startsWith("{") && text.contains("\"_aws\"")) {
                try {
                    documents.add(Api.JSON.readTree(text));
                } catch (IOException e) {
                    throw new AssertionError("Not JSON: " + text, e);
                }
            }
        }
        assertEquals(1, documents.size(), () -> "metrics documents in " + printed);
        return documents.get(0);
    }
}
