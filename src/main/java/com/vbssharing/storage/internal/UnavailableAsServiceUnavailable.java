package com.vbssharing.storage.internal;

import com.vbssharing.storage.TableConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Every DynamoDB client the application gets answers unavailability as 503 ({@link DynamoDbFailures}). */
@Singleton
public class UnavailableAsServiceUnavailable implements BeanCreatedEventListener<DynamoDbClient> {

    private final TableConfiguration table;

    public UnavailableAsServiceUnavailable(TableConfiguration table) {
        this.table = table;
    }

    @Override
    public DynamoDbClient onCreated(BeanCreatedEvent<DynamoDbClient> event) {
        return DynamoDbFailures.wrap(event.getBean(), table.getName());
    }
}
