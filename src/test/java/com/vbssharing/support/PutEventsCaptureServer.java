package com.vbssharing.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Stands in for EventBridge on loopback: takes the AWS JSON 1.1 {@code AWSEvents.PutEvents} calls the real SDK
 * client makes, keeps their entries, and answers as EventBridge does. It can be told to fail chosen entries
 * (per-entry {@code ErrorCode}) or to answer every call with HTTP 500.
 */
public final class PutEventsCaptureServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<List<JsonNode>> calls = new CopyOnWriteArrayList<>();
    private volatile Predicate<JsonNode> failEntry = entry -> false;
    private volatile boolean failEveryCall;

    public PutEventsCaptureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Entries matching this are answered with ErrorCode InternalFailure; the others are accepted. */
    public void failEntriesWhere(Predicate<JsonNode> entry) {
        failEntry = entry;
    }

    public void failEveryCall(boolean fail) {
        failEveryCall = fail;
    }

    /** The entries of each PutEvents call received, in order (retries of the SDK included). */
    public List<List<JsonNode>> calls() {
        return List.copyOf(calls);
    }

    public List<JsonNode> entries() {
        return calls.stream().flatMap(List::stream).toList();
    }

    public void reset() {
        calls.clear();
        failEntry = entry -> false;
        failEveryCall = false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || !"AWSEvents.PutEvents".equals(target)
                    || contentType == null || !contentType.startsWith("application/x-amz-json-1.1")) {
                answer(exchange, 400, error("UnknownOperationException", "Not a PutEvents call: " + target));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            List<JsonNode> entries = new ArrayList<>();
            request.get("Entries").forEach(entries::add);
            calls.add(List.copyOf(entries));
            if (failEveryCall) {
                answer(exchange, 500, error("InternalException", "The capture server fails every call."));
                return;
            }
            answer(exchange, 200, results(entries));
        }
    }

    private ObjectNode results(List<JsonNode> entries) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            if (failEntry.test(entry)) {
                failed++;
                result.put("ErrorCode", "InternalFailure");
                result.put("ErrorMessage", "The capture server was told to fail this entry.");
            } else {
                result.put("EventId", UUID.randomUUID().toString());
            }
        }
        response.put("FailedEntryCount", failed);
        return response;
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
