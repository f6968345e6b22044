package com.vbssharing.bench.probe;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;

/**
 * A global SDK interceptor (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors},
 * which the benchmark puts on the classpath of its measuring JVMs only). Per DynamoDB call it records the
 * time spent waiting on the wire (request sent to response received), asks DynamoDB for the consumed
 * capacity, and counts items and response bytes. Single-threaded use: the handler serves one event at a time.
 */
public final class DynamoDbMeter implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("vbs.bench.sentAt");
    private static final ExecutionAttribute<Long> CALLED_AT = new ExecutionAttribute<>("vbs.bench.calledAt");

    private static long roundTrips;
    private static long waitNanos;
    private static long callNanos;
    private static double readUnits;
    private static double writeUnits;
    private static long itemsRead;
    private static long responseBytes;

    /**
     * What DynamoDB calls cost since the last {@link #reset()}: {@code waitNanos} on the wire (request sent to
     * response received), {@code callNanos} inside the SDK client calls (the wire plus marshalling, signing and
     * unmarshalling).
     */
    public record Totals(long roundTrips, long waitNanos, long callNanos, double readUnits, double writeUnits,
                         long itemsRead, long responseBytes) {
    }

    public static void reset() {
        roundTrips = 0;
        waitNanos = 0;
        callNanos = 0;
        readUnits = 0;
        writeUnits = 0;
        itemsRead = 0;
        responseBytes = 0;
    }

    public static Totals totals() {
        return new Totals(roundTrips, waitNanos, callNanos, readUnits, writeUnits, itemsRead, responseBytes);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(CALLED_AT, System.nanoTime());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        callNanos += System.nanoTime() - attributes.getAttribute(CALLED_AT);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(SENT_AT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        waitNanos += System.nanoTime() - attributes.getAttribute(SENT_AT);
        roundTrips++;
        context.httpResponse().firstMatchingHeader("Content-Length")
                .ifPresent(length -> responseBytes += Long.parseLong(length));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        callNanos += System.nanoTime() - attributes.getAttribute(CALLED_AT);
        SdkResponse response = context.response();
        if (response instanceof GetItemResponse r) {
            add(r.consumedCapacity(), false);
            itemsRead += r.hasItem() && !r.item().isEmpty() ? 1 : 0;
        } else if (response instanceof QueryResponse r) {
            add(r.consumedCapacity(), false);
            itemsRead += r.scannedCount() == null ? 0 : r.scannedCount();
        } else if (response instanceof BatchGetItemResponse r) {
            addAll(r.consumedCapacity(), false);
            r.responses().values().forEach(items -> itemsRead += items.size());
        } else if (response instanceof PutItemResponse r) {
            add(r.consumedCapacity(), true);
        } else if (response instanceof UpdateItemResponse r) {
            add(r.consumedCapacity(), true);
        } else if (response instanceof DeleteItemResponse r) {
            add(r.consumedCapacity(), true);
        } else if (response instanceof TransactWriteItemsResponse r) {
            addAll(r.consumedCapacity(), true);
        }
    }

    private static void addAll(List<ConsumedCapacity> capacities, boolean write) {
        if (capacities != null) {
            capacities.forEach(capacity -> add(capacity, write));
        }
    }

    /** DynamoDB reports total units per table; the split into read and write units only sometimes. */
    private static void add(ConsumedCapacity capacity, boolean write) {
        if (capacity == null) {
            return;
        }
        if (capacity.readCapacityUnits() != null || capacity.writeCapacityUnits() != null) {
            readUnits += capacity.readCapacityUnits() == null ? 0 : capacity.readCapacityUnits();
            writeUnits += capacity.writeCapacityUnits() == null ? 0 : capacity.writeCapacityUnits();
        } else if (capacity.capacityUnits() != null && write) {
            writeUnits += capacity.capacityUnits();
        } else if (capacity.capacityUnits() != null) {
            readUnits += capacity.capacityUnits();
        }
    }
}
