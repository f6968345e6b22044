package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupService;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.contention.ConcurrentChangeException;
import com.vbssharing.sharing.Share;
import com.vbssharing.storage.TableConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.vbssharing.storage.internal.Attributes.n;
import static com.vbssharing.storage.internal.Attributes.s;

/**
 * The writes that keep a volume's chain of backups whole, each one write: a new incremental backup and its
 * parent's record of it; a deleted backup with its shares, its parent no longer naming it and its dependents
 * handed over to that parent (or made full when there is none). Every item is conditioned on being as it was read.
 */
@Singleton
public class BackupTransactions {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SharingTransactions sharing;

    public BackupTransactions(DynamoDbClient dynamoDb, TableConfiguration tableConfiguration, SharingTransactions sharing) {
        this.dynamoDb = dynamoDb;
        this.table = tableConfiguration.getName();
        this.sharing = sharing;
    }

    /** How an incremental backup's write ended, by what DynamoDB found of its parent. */
    enum ParentVerdict {
        /** Written, with the parent's record of it. */
        WRITTEN,
        /** Nothing written: the parent is gone or not available. */
        PARENT_UNUSABLE,
        /** Nothing written: the parent already has {@link BackupService#MAX_DEPENDENTS} dependents. */
        PARENT_FULL
    }

    /**
     * A full backup: one conditional PutItem. An incremental one: with its parent, provided the parent is still
     * there, available and has room for another dependent.
     *
     * @throws ConcurrentChangeException when the parent was not as read
     */
    void insert(Backup backup) {
        if (!backup.isIncremental()) {
            insertFull(backup);
        } else if (insertIncremental(backup) != ParentVerdict.WRITTEN) {
            throw new ConcurrentChangeException("Backing up on top of " + backup.parentId() + " was refused: the "
                    + "parent changed");
        }
    }

    private void insertFull(Backup backup) {
        Map<String, AttributeValue> item = BackupCodec.toItem(backup);
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            // The id is new, so the item in the way is this very one: an attempt that timed out after DynamoDB
            // had written it, retried by the client.
            if (!(e.hasItem() && item.equals(e.item()))) {
                throw e;
            }
        }
    }

    /**
     * The backup and its parent's record of it, in one transaction conditioned on the parent being there, available
     * and with room for another dependent; when that condition fails, says which of them it was.
     *
     * @throws ConcurrentChangeException when the transaction was cancelled for another reason (a concurrent one)
     */
    ParentVerdict insertIncremental(Backup backup) {
        Map<String, String> names = Map.of("#deps", BackupCodec.DEPENDENTS, "#child", backup.id(),
                "#status", BackupCodec.STATUS);
        Map<String, AttributeValue> values = Map.of(":true", AttributeValue.fromBool(true),
                ":available", s(BackupStatus.AVAILABLE.value()), ":max", n(BackupService.MAX_DEPENDENTS));
        Transaction<String> transaction = new Transaction<String>()
                .add("backup", TransactWriteItem.builder().put(p -> p.tableName(table).item(BackupCodec.toItem(backup))
                        .conditionExpression("attribute_not_exists(pk)")).build())
                .add("parent", TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(BackupCodec.key(backup.projectId(), backup.parentId()))
                        .updateExpression("SET #deps.#child = :true")
                        .conditionExpression("attribute_exists(pk) AND #status = :available AND size(#deps) < :max")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        Optional<Transaction.Cancelled<String>> cancelled = transaction.execute(dynamoDb);
        if (cancelled.isEmpty()) {
            return ParentVerdict.WRITTEN;
        }
        if (!cancelled.get().conditionFailed("parent")) {
            throw cancelled.get().asConcurrentChange("Backing up on top of " + backup.parentId());
        }
        CancellationReason reason = cancelled.get().failed().get("parent");
        Map<String, AttributeValue> parent = reason.hasItem() ? reason.item() : Map.of();
        if (parent.isEmpty() || BackupCodec.fromItem(parent).status() != BackupStatus.AVAILABLE) {
            return ParentVerdict.PARENT_UNUSABLE;
        }
        return ParentVerdict.PARENT_FULL;
    }

    /** Alone: deletable, shared with nobody, no parent, no dependents. */
    void deleteAlone(String projectId, String backupId) throws ConditionalCheckFailedException {
        Map<String, AttributeValue> values = new HashMap<>(SharingTransactions.statusValues(BackupStatus::isDeletable));
        values.put(":count", n(0));
        dynamoDb.deleteItem(b -> b.tableName(table).key(BackupCodec.key(projectId, backupId))
                .conditionExpression(SharingTransactions.deletableCondition()
                        + " AND attribute_not_exists(#parent) AND size(#deps) = :count")
                .expressionAttributeNames(Map.of("#status", BackupCodec.STATUS, "#count", BackupCodec.SHARE_COUNT,
                        "#parent", BackupCodec.PARENT_ID, "#deps", BackupCodec.DEPENDENTS))
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    /**
     * Deletes the backup as read with exactly these shares, takes it out of its parent's dependents, and hands
     * its dependents to its parent (or makes them full).
     *
     * @throws ConcurrentChangeException when anything changed since the read
     */
    void deleteEntangled(Backup backup, List<Share> shares) {
        Transaction<String> transaction = new Transaction<>();
        transaction.add("backup", deleteAsRead(backup, shares.size()));
        sharing.removeShares(transaction, shares, part -> "share " + part);
        String parent = backup.parentId();
        if (parent != null) {
            transaction.add("parent", handOver(backup, parent));
        }
        for (String dependent : backup.dependentIds()) {
            transaction.add("dependent " + dependent, reparent(backup, dependent));
        }
        transaction.execute(dynamoDb).ifPresent(cancelled -> {
            throw cancelled.asConcurrentChange("Deleting backup " + backup.id());
        });
    }

    private TransactWriteItem deleteAsRead(Backup backup, int shares) {
        Map<String, String> names = new HashMap<>(Map.of("#status", BackupCodec.STATUS,
                "#count", BackupCodec.SHARE_COUNT, "#parent", BackupCodec.PARENT_ID, "#deps", BackupCodec.DEPENDENTS));
        Map<String, AttributeValue> values = new HashMap<>(SharingTransactions.statusValues(BackupStatus::isDeletable));
        values.put(":count", n(shares));
        values.put(":dependents", n(backup.dependentIds().size()));
        String parentCondition;
        if (backup.parentId() == null) {
            parentCondition = "attribute_not_exists(#parent)";
        } else {
            parentCondition = "#parent = :parent";
            values.put(":parent", s(backup.parentId()));
        }
        String condition = SharingTransactions.deletableCondition() + " AND " + parentCondition
                + " AND size(#deps) = :dependents";
        return TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(BackupCodec.key(backup.projectId(), backup.id()))
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
    }

    /** The parent forgets the deleted backup and takes on its dependents. */
    private TransactWriteItem handOver(Backup backup, String parent) {
        Map<String, String> names = new HashMap<>(Map.of("#deps", BackupCodec.DEPENDENTS, "#gone", backup.id()));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (String dependent : backup.dependentIds()) {
            names.put("#d" + i, dependent);
            sets.add("#deps.#d" + i + " = :true");
            i++;
        }
        StringBuilder update = new StringBuilder("REMOVE #deps.#gone");
        if (!sets.isEmpty()) {
            update.append(" SET ").append(String.join(", ", sets));
            values.put(":true", AttributeValue.fromBool(true));
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(BackupCodec.key(backup.projectId(), parent))
                .updateExpression(update.toString())
                .conditionExpression("attribute_exists(#deps.#gone)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values)).build();
    }

    /** A dependent of the deleted backup now depends on its parent, or, without one, is full. */
    private TransactWriteItem reparent(Backup backup, String dependent) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":gone", s(backup.id())));
        String update;
        if (backup.parentId() == null) {
            update = "REMOVE #parent";
        } else {
            update = "SET #parent = :parent";
            values.put(":parent", s(backup.parentId()));
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(BackupCodec.key(backup.projectId(), dependent))
                .updateExpression(update)
                .conditionExpression("#parent = :gone")
                .expressionAttributeNames(Map.of("#parent", BackupCodec.PARENT_ID))
                .expressionAttributeValues(values)).build();
    }
}
