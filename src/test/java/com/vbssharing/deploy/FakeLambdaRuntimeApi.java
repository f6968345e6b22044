package com.vbssharing.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Lambda Runtime API on loopback, for one invocation: what the runtime interface client inside SAM's
 * container talks to. It hands out the event once, then keeps the client's next poll waiting, and keeps the
 * function's response (or its error).
 */
final class FakeLambdaRuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String REQUEST_ID = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";

    private final HttpServer server;
    private final byte[] event;
    private final AtomicBoolean handedOut = new AtomicBoolean();
    private final CompletableFuture<String> response = new CompletableFuture<>();

    FakeLambdaRuntimeApi(String event) throws IOException {
        this.event = event.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The function's response body; fails with the function's error when it reported one. */
    String awaitResponse(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        }
    }

    boolean answered() {
        return response.isDone();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals(PREFIX + "invocation/next")) {
            if (!handedOut.compareAndSet(false, true)) {
                return; // the next invocation never comes: the caller ends the process
            }
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                    Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:us-east-1:123456789012:function:sam-local");
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                    "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
            // The client's native code reads every header the Runtime API defines; an absent one crashes it.
            exchange.getResponseHeaders().add("Lambda-Runtime-Client-Context", "{}");
            exchange.getResponseHeaders().add("Lambda-Runtime-Cognito-Identity", "{}");
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Tenant-Id", "sam-local");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer(exchange, 200, event);
        } else if (path.equals(PREFIX + "invocation/" + REQUEST_ID + "/response")) {
            response.complete(body);
            answer(exchange, 202, new byte[0]);
        } else if (path.endsWith("/error")) {
            response.completeExceptionally(new AssertionError("The function reported an error at " + path + ": " + body));
            answer(exchange, 202, new byte[0]);
        } else {
            answer(exchange, 404, new byte[0]);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
