package com.vbssharing.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every DynamoDB call the application's client makes, as the IAM actions it needs: a transaction
 * counts as the per-item actions inside it. On only where {@code vbs.test.record-dynamodb-calls} is true.
 */
@Singleton
@Requires(property = "vbs.test.record-dynamodb-calls", value = "true")
public class DynamoDbCallRecorder implements BeanCreatedEventListener<DynamoDbClientBuilder>, ExecutionInterceptor {

    private final List<String> actions = new ArrayList<>();
    private final List<String> operations = new ArrayList<>();
    private final List<SdkRequest> requests = new ArrayList<>();
    private int roundTrips;

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        var current = builder.overrideConfiguration();
        return builder.overrideConfiguration(current.toBuilder().addExecutionInterceptor(this).build());
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        roundTrips++;
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        requests.add(context.request());
        if (context.request() instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                actions.add(item.put() != null ? "PutItem"
                        : item.update() != null ? "UpdateItem"
                        : item.delete() != null ? "DeleteItem"
                        : "ConditionCheckItem");
            }
        } else {
            actions.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    /** The actions recorded since the last call, and starts a new recording. */
    public synchronized List<String> drain() {
        List<String> recorded = List.copyOf(actions);
        actions.clear();
        operations.clear();
        requests.clear();
        roundTrips = 0;
        return recorded;
    }

    /** The DynamoDB operations called since the last drain, in order (a transaction is one), and starts anew. */
    public synchronized List<String> drainOperations() {
        List<String> recorded = List.copyOf(operations);
        drain();
        return recorded;
    }

    /** The requests sent since the last drain, in order, and starts anew. */
    public synchronized List<SdkRequest> drainRequests() {
        List<SdkRequest> recorded = List.copyOf(requests);
        drain();
        return recorded;
    }

    public synchronized int roundTrips() {
        return roundTrips;
    }
}
