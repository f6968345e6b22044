package com.vbssharing.storage.internal;

import com.vbssharing.backup.BackupStatus;
import com.vbssharing.storage.TableConfiguration;
import com.vbssharing.support.TestApp;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared test table read and written past the adapter's rules, for tests that must see or set up what the
 * API cannot: every item at once, or a backup put back to a state it has left.
 */
public final class RawTable {

    private RawTable() {
    }

    /** Every item of the table (a consistent Scan, all pages). */
    public static List<Map<String, AttributeValue>> scan() {
        return scan(dynamoDb(), table());
    }

    /** Every item of another table (a test's own). */
    public static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamoDb, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    /** Sets a backup's status, dropping its data timestamp: as if the worker had not completed it yet. */
    public static void resetStatus(String projectId, String backupId, BackupStatus status) {
        dynamoDb().updateItem(b -> b.tableName(table())
                .key(BackupCodec.key(projectId, backupId))
                .updateExpression("SET #status = :status REMOVE " + BackupCodec.DATA_TIMESTAMP)
                .expressionAttributeNames(Map.of("#status", BackupCodec.STATUS))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status.value()))));
    }

    private static DynamoDbClient dynamoDb() {
        return TestApp.get().context().getBean(DynamoDbClient.class);
    }

    private static String table() {
        return TestApp.get().context().getBean(TableConfiguration.class).getName();
    }
}
