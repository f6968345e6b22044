package com.vbssharing.storage.internal;

import com.vbssharing.aws.LocalEndpoint;
import com.vbssharing.storage.TableConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client as every function uses it: a deadline on each call and on each attempt (so that a request
 * always answers, 503 at worst, well inside the function's timeout), the SDK's standard retries of throttling and
 * transient errors within that deadline, unavailability translated to 503 ({@link DynamoDbFailures}), and a local
 * DynamoDB when {@code vbs.table.endpoint} is set (never in AWS); every call metered for the request it serves
 * ({@link DynamoDbUsageMeter}).
 */
@Singleton
public class DynamoDbClientSettings implements BeanCreatedEventListener<DynamoDbClientBuilder> {

    private final TableConfiguration table;
    private final DynamoDbUsageMeter meter;

    public DynamoDbClientSettings(TableConfiguration table, DynamoDbUsageMeter meter) {
        this.table = table;
        this.meter = meter;
    }

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        builder.overrideConfiguration((current == null ? ClientOverrideConfiguration.builder() : current.toBuilder())
                .apiCallTimeout(table.getCallTimeout())
                .apiCallAttemptTimeout(table.getAttemptTimeout())
                .retryStrategy(RetryMode.STANDARD)
                .addExecutionInterceptor(meter)
                .build());
        return LocalEndpoint.apply(builder, table.getEndpoint());
    }
}
