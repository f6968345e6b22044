package com.vbssharing.storage.local;

import com.vbssharing.storage.TableConfiguration;
import com.vbssharing.storage.internal.Keys;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Creates the table and both indexes when they are missing (local runs and tests only: in AWS the
 * SAM template owns the table). Mirrors the table in template.yaml.
 */
@Singleton
@Order(-100)
@Requires(property = "vbs.table.create-if-missing", value = "true")
public class TableBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TableBootstrap.class);

    private final DynamoDbClient dynamoDb;
    private final TableConfiguration table;

    public TableBootstrap(DynamoDbClient dynamoDb, TableConfiguration table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        createIfMissing();
    }

    public void createIfMissing() {
        try {
            dynamoDb.describeTable(b -> b.tableName(table.getName()));
            return;
        } catch (ResourceNotFoundException e) {
            LOG.info("Creating table {}", table.getName());
        }
        try {
            dynamoDb.createTable(definition(table.getName()));
        } catch (ResourceInUseException e) {
            LOG.debug("Table {} was created concurrently", table.getName());
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.getName()));
    }

    static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        string(Keys.PK), string(Keys.SK),
                        string(Keys.GSI1_PK), string(Keys.GSI1_SK),
                        string(Keys.GSI2_PK), string(Keys.GSI2_SK))
                .keySchema(hash(Keys.PK), range(Keys.SK))
                .globalSecondaryIndexes(
                        index(Keys.SHARED_BY_INDEX, Keys.GSI1_PK, Keys.GSI1_SK),
                        index(Keys.SHARED_WITH_INDEX, Keys.GSI2_PK, Keys.GSI2_SK))
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
    }

    private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(hash(hashKey), range(rangeKey))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
