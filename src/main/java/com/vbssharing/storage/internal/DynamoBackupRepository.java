package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupCompletion;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.contention.ConcurrentChangeException;
import com.vbssharing.sharing.Share;
import com.vbssharing.storage.TableConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.vbssharing.storage.internal.Attributes.n;
import static com.vbssharing.storage.internal.Attributes.s;

@Singleton
public class DynamoBackupRepository implements BackupRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SharingTransactions transactions;
    private final ShareReads shareReads;

    public DynamoBackupRepository(DynamoDbClient dynamoDb, TableConfiguration tableConfiguration,
                                  SharingTransactions transactions, ShareReads shareReads) {
        this.dynamoDb = dynamoDb;
        this.table = tableConfiguration.getName();
        this.transactions = transactions;
        this.shareReads = shareReads;
    }

    @Override
    public void insert(Backup backup) {
        dynamoDb.putItem(b -> b.tableName(table)
                .item(BackupCodec.toItem(backup))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Backup> find(String projectId, String backupId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(BackupCodec.key(projectId, backupId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BackupCodec.fromItem(item));
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
        dynamoDb.queryPaginator(query).items().forEach(item -> backups.add(BackupCodec.fromItem(item)));
        return backups;
    }

    @Override
    public DeleteOutcome deleteIfUnshared(String projectId, String backupId) {
        Map<String, AttributeValue> values = new HashMap<>(SharingTransactions.statusValues(BackupStatus::isDeletable));
        values.put(":count", n(0));
        try {
            dynamoDb.deleteItem(b -> b.tableName(table).key(BackupCodec.key(projectId, backupId))
                    .conditionExpression(SharingTransactions.deletableCondition())
                    .expressionAttributeNames(Map.of("#status", BackupCodec.STATUS, "#count", BackupCodec.SHARE_COUNT))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new DeleteOutcome.Deleted();
        } catch (ConditionalCheckFailedException e) {
            Optional<Backup> current = e.hasItem() && !e.item().isEmpty()
                    ? Optional.of(BackupCodec.fromItem(e.item()))
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
    public void deleteWithShares(Backup expected) {
        List<Share> shares = shareReads.ofBackup(expected.projectId(), expected.id());
        if (shares.size() != expected.shareCount()) {
            throw new ConcurrentChangeException("Backup " + expected.id() + " has " + shares.size()
                    + " share items but a share count of " + expected.shareCount() + ": a share is being written");
        }
        transactions.deleteBackupWithShares(expected, shares);
    }

    @Override
    public boolean completeCreation(String projectId, String backupId, BackupCompletion completion) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":creating", s(BackupStatus.CREATING.value()));
        values.put(":status", s(completion.status().value()));
        values.put(":size", n(completion.size()));
        values.put(":object_count", n(completion.objectCount()));
        values.put(":updated_at", s(completion.updatedAt()));
        StringBuilder update = new StringBuilder("SET #status = :status, #size = :size, "
                + BackupCodec.OBJECT_COUNT + " = :object_count, " + BackupCodec.UPDATED_AT + " = :updated_at");
        appendOptional(update, values, BackupCodec.CONTAINER, completion.container());
        appendOptional(update, values, BackupCodec.DATA_TIMESTAMP, completion.dataTimestamp());
        appendOptional(update, values, BackupCodec.FAIL_REASON, completion.failReason());
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(BackupCodec.key(projectId, backupId))
                    .updateExpression(update.toString())
                    .conditionExpression("#status = :creating")
                    .expressionAttributeNames(Map.of("#status", BackupCodec.STATUS, "#size", BackupCodec.SIZE))
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
            values.put(":" + attribute, s(value));
        }
    }
}
