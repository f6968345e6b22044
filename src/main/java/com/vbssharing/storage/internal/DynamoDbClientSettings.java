package com.vbssharing.storage.internal;

import com.vbssharing.aws.LocalEndpoint;
import com.vbssharing.storage.TableConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Points the DynamoDB client at a local DynamoDB when {@code vbs.table.endpoint} is set (never in AWS). */
@Singleton
public class DynamoDbClientSettings implements BeanCreatedEventListener<DynamoDbClientBuilder> {

    private final TableConfiguration table;

    public DynamoDbClientSettings(TableConfiguration table) {
        this.table = table;
    }

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        return LocalEndpoint.apply(event.getBean(), table.getEndpoint());
    }
}
