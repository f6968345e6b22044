package com.vbssharing.observability;

import io.micronaut.core.annotation.Nullable;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one API request, stream batch or automation event did: its operation, outcome and time, the DynamoDB
 * calls made on its behalf and what they consumed, and what it counted ({@link Counter}). Filled from the threads
 * that serve it, then reported once: one log line and one metrics document.
 */
public final class Observation {

    private final String operation;
    private final Invocation invocation;
    private final boolean coldStart;
    private final long startNanos;

    private long dynamoDbCalls;
    private long dynamoDbNanos;
    private double consumedReadCapacity;
    private double consumedWriteCapacity;
    private final Map<Counter, Long> counters = new EnumMap<>(Counter.class);
    private Throwable failure;
    private String failureMessage;

    Observation(String operation, Invocation invocation, long startNanos) {
        this.operation = operation;
        this.invocation = invocation;
        this.startNanos = startNanos;
        this.coldStart = !invocation.priming() && ColdStart.take();
    }

    public String operation() {
        return operation;
    }

    public Invocation invocation() {
        return invocation;
    }

    public boolean coldStart() {
        return coldStart;
    }

    public long elapsedMillis(long nowNanos) {
        return (nowNanos - startNanos) / 1_000_000;
    }

    public synchronized void dynamoDbCall(long nanos, double readCapacity, double writeCapacity) {
        dynamoDbCalls++;
        dynamoDbNanos += nanos;
        consumedReadCapacity += readCapacity;
        consumedWriteCapacity += writeCapacity;
    }

    public synchronized long dynamoDbCalls() {
        return dynamoDbCalls;
    }

    public synchronized long dynamoDbMillis() {
        return dynamoDbNanos / 1_000_000;
    }

    public synchronized double consumedReadCapacity() {
        return consumedReadCapacity;
    }

    public synchronized double consumedWriteCapacity() {
        return consumedWriteCapacity;
    }

    public synchronized void count(Counter counter, long amount) {
        counters.merge(counter, amount, Long::sum);
    }

    public synchronized Map<Counter, Long> counters() {
        return new EnumMap<>(counters);
    }

    /** The server-side failure behind a 5xx answer, logged once, with the request's line. */
    public synchronized void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** Why a dependency was unavailable (a 503): no stack trace, the message says it. */
    public synchronized void unavailable(String message) {
        failureMessage = message;
    }

    @Nullable
    public synchronized Throwable failure() {
        return failure;
    }

    @Nullable
    public synchronized String failureMessage() {
        return failureMessage != null ? failureMessage : failure == null ? null : failure.toString();
    }
}
