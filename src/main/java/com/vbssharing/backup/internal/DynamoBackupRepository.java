package com.vbssharing.backup.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupCompletion;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.storage.BatchReads;
import com.vbssharing.storage.Keys;
import com.vbssharing.storage.TableConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.vbssharing.storage.Attributes.n;
import static com.vbssharing.storage.Attributes.putIfPresent;
import static com.vbssharing.storage.Attributes.s;
import static com.vbssharing.storage.Attributes.string;

@Singleton
public class DynamoBackupRepository implements BackupRepository {

    /** Deletable, and no share was added or removed since the caller read the backup. */
    private static final String DELETE_CONDITION =
            "attribute_exists(pk) AND #status IN (:available, :error) AND #share_count = :share_count";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoBackupRepository(DynamoDbClient dynamoDb, TableConfiguration tableConfiguration) {
        this.dynamoDb = dynamoDb;
        this.table = tableConfiguration.getName();
    }

    @Override
    public void insert(Backup backup) {
        dynamoDb.putItem(b -> b.tableName(table)
                .item(BackupItems.toItem(backup))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Backup> find(String projectId, String backupId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(BackupItems.key(projectId, backupId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BackupItems.fromItem(item));
    }

    @Override
    public List<Backup> listByProject(String projectId) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.project(projectId)),
                        ":prefix", s(Keys.BACKUP_PREFIX)))
                .consistentRead(true)
                .build();
        List<Backup> backups = new ArrayList<>();
        dynamoDb.queryPaginator(query).items().forEach(item -> backups.add(BackupItems.fromItem(item)));
        return backups;
    }

    @Override
    public Map<String, Backup> findAll(Collection<BackupKey> keys) {
        List<Map<String, AttributeValue>> itemKeys = keys.stream()
                .distinct()
                .map(key -> BackupItems.key(key.projectId(), key.backupId()))
                .toList();
        Map<String, Backup> found = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchReads.getAll(dynamoDb, table, itemKeys)) {
            Backup backup = BackupItems.fromItem(item);
            found.put(backup.id(), backup);
        }
        return found;
    }

    @Override
    public DeleteOutcome deleteIfUnshared(String projectId, String backupId) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table).key(BackupItems.key(projectId, backupId))
                    .conditionExpression(DELETE_CONDITION)
                    .expressionAttributeNames(Map.of("#status", BackupItems.STATUS, "#share_count", BackupItems.SHARE_COUNT))
                    .expressionAttributeValues(Map.of(
                            ":available", s(BackupStatus.AVAILABLE.value()),
                            ":error", s(BackupStatus.ERROR.value()),
                            ":share_count", n(0)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new DeleteOutcome.Deleted();
        } catch (ConditionalCheckFailedException e) {
            Optional<Backup> current = e.hasItem() && !e.item().isEmpty()
                    ? Optional.of(BackupItems.fromItem(e.item()))
                    : find(projectId, backupId);
            if (current.isEmpty()) {
                return new DeleteOutcome.Missing();
            }
            Backup backup = current.get();
            return backup.status().isDeletable()
                    ? new DeleteOutcome.Shared(backup)
                    : new DeleteOutcome.NotDeletable(backup.status());
        }
    }

    @Override
    public boolean deleteWithShares(Backup expected) {
        List<Map<String, AttributeValue>> shares = sharesOf(expected);
        if (shares.size() != expected.shareCount()) {
            return false;
        }
        Map<String, String> names = Map.of("#status", BackupItems.STATUS, "#share_count", BackupItems.SHARE_COUNT);
        Map<String, AttributeValue> values = Map.of(
                ":available", s(BackupStatus.AVAILABLE.value()),
                ":error", s(BackupStatus.ERROR.value()),
                ":share_count", n(expected.shareCount()));
        Map<String, AttributeValue> key = BackupItems.key(expected.projectId(), expected.id());
        try {
            if (shares.isEmpty()) {
                dynamoDb.deleteItem(b -> b.tableName(table).key(key)
                        .conditionExpression(DELETE_CONDITION)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
                return true;
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)
                    .conditionExpression(DELETE_CONDITION)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)).build());
            for (Map<String, AttributeValue> share : shares) {
                String lookup = Keys.shareId(string(share, Keys.SHARE_ID_ATTRIBUTE));
                writes.add(delete(Map.of(Keys.PK, share.get(Keys.PK), Keys.SK, share.get(Keys.SK))));
                writes.add(delete(Map.of(Keys.PK, s(lookup), Keys.SK, s(lookup))));
            }
            dynamoDb.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            return false;
        }
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build();
    }

    /** The keys and ids of the backup's share items (at most 10). */
    private List<Map<String, AttributeValue>> sharesOf(Backup backup) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.project(backup.projectId())),
                        ":prefix", s(Keys.sharesOfBackup(backup.id()))))
                .projectionExpression("pk, sk, " + Keys.SHARE_ID_ATTRIBUTE)
                .consistentRead(true)
                .build();
        List<Map<String, AttributeValue>> shares = new ArrayList<>();
        dynamoDb.queryPaginator(query).items().forEach(shares::add);
        return shares;
    }

    @Override
    public boolean completeCreation(String projectId, String backupId, BackupCompletion completion) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":creating", s(BackupStatus.CREATING.value()));
        values.put(":status", s(completion.status().value()));
        values.put(":size", n(completion.size()));
        values.put(":object_count", n(completion.objectCount()));
        values.put(":updated_at", s(completion.updatedAt()));
        StringBuilder update = new StringBuilder(
                "SET #status = :status, #size = :size, object_count = :object_count, updated_at = :updated_at");
        appendOptional(update, values, "container", completion.container());
        appendOptional(update, values, "data_timestamp", completion.dataTimestamp());
        appendOptional(update, values, "fail_reason", completion.failReason());
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(BackupItems.key(projectId, backupId))
                    .updateExpression(update.toString())
                    .conditionExpression("#status = :creating")
                    .expressionAttributeNames(Map.of("#status", BackupItems.STATUS, "#size", BackupItems.SIZE))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static void appendOptional(StringBuilder update, Map<String, AttributeValue> values,
                                       String attribute, String value) {
        if (value != null) {
            update.append(", ").append(attribute).append(" = :").append(attribute);
            putIfPresent(values, ":" + attribute, value);
        }
    }
}
