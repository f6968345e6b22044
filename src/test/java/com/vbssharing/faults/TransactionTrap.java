package com.vbssharing.faults;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Springs an action the moment the application's DynamoDB client sends a transaction: how a test breaks DynamoDB
 * while a transaction is on the wire. Armed for one transaction at a time; on only where
 * {@code vbs.test.transaction-trap} is true.
 */
@Singleton
@Requires(property = "vbs.test.transaction-trap", value = "true")
public class TransactionTrap implements BeanCreatedEventListener<DynamoDbClientBuilder>, ExecutionInterceptor {

    private final AtomicReference<Runnable> armed = new AtomicReference<>();

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(this).build());
    }

    /** Runs {@code action} when the next transaction is about to be sent, on the thread sending it. */
    public void arm(Runnable action) {
        armed.set(action);
    }

    public boolean sprung() {
        return armed.get() == null;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest) {
            Runnable action = armed.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
    }
}
