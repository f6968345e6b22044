package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupChanges;
import com.vbssharing.backup.BackupCompletion;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupService;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.contention.ConcurrentChangeException;
import com.vbssharing.sharing.Share;
import com.vbssharing.storage.TableConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.ArrayList;
import java.util.Comparator;
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
    private final BackupTransactions transactions;
    private final VolumeHeads heads;
    private final ShareReads shareReads;

    public DynamoBackupRepository(DynamoDbClient dynamoDb, TableConfiguration tableConfiguration,
                                  BackupTransactions transactions, VolumeHeads heads, ShareReads shareReads) {
        this.dynamoDb = dynamoDb;
        this.table = tableConfiguration.getName();
        this.transactions = transactions;
        this.heads = heads;
        this.shareReads = shareReads;
    }

    /** A backup recorded as available names itself in its volume's head first (the head's promise, VolumeHeads). */
    @Override
    public void insert(Backup backup) {
        if (backup.status() == BackupStatus.AVAILABLE) {
            heads.advanceTo(backup);
        }
        transactions.insert(backup);
    }

    /**
     * The parent by key: the volume's head, then one write conditioned on that parent (two round trips). A head that
     * names a backup gone or not yet available is found out by that write, which then reads the volume's chain as
     * it stands (docs/data-model.md).
     */
    @Override
    public Backup insertOnNewestAvailable(Backup backup) {
        Optional<String> head = heads.newestAvailable(backup.projectId(), backup.volumeId());
        if (head.isEmpty()) {
            transactions.insert(backup);
            return backup;
        }
        Backup onHead = backup.toBuilder().parentId(head.get()).build();
        return switch (transactions.insertIncremental(onHead)) {
            case WRITTEN -> onHead;
            case PARENT_FULL -> {
                transactions.insert(backup);
                yield backup;
            }
            case PARENT_UNUSABLE -> {
                Backup onChain = newestAvailableInChain(backup.projectId(), backup.volumeId())
                        .filter(parent -> parent.dependentIds().size() < BackupService.MAX_DEPENDENTS)
                        .map(parent -> backup.toBuilder().parentId(parent.id()).build())
                        .orElse(backup);
                transactions.insert(onChain);
                yield onChain;
            }
        };
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
        List<Backup> backups = new ArrayList<>();
        dynamoDb.queryPaginator(backupsOf(projectId).build()).items()
                .forEach(item -> backups.add(BackupCodec.fromItem(item)));
        return backups;
    }

    /**
     * The volume's newest available backup without its head: one consistent Query of the project's backups, filtered
     * to the volume's available ones on DynamoDB's side (it reads the project's backups, as a listing does).
     */
    private Optional<Backup> newestAvailableInChain(String projectId, String volumeId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":pk", s(Keys.project(projectId)),
                ":prefix", s(Keys.BACKUP_PREFIX),
                ":volume", s(volumeId),
                ":available", s(BackupStatus.AVAILABLE.value())));
        QueryRequest query = backupsOf(projectId)
                .filterExpression("#volume = :volume AND #status = :available")
                .expressionAttributeNames(Map.of("#volume", BackupCodec.VOLUME_ID, "#status", BackupCodec.STATUS))
                .expressionAttributeValues(values)
                .build();
        List<Backup> candidates = new ArrayList<>();
        dynamoDb.queryPaginator(query).items().forEach(item -> candidates.add(BackupCodec.fromItem(item)));
        return candidates.stream().max(Comparator.comparing(Backup::createdAt).thenComparing(Backup::id));
    }

    @Override
    public Optional<Backup> update(String projectId, String backupId, BackupChanges changes, String updatedAt) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>(List.of("#updated = :updated"));
        List<String> removes = new ArrayList<>();
        names.put("#updated", BackupCodec.UPDATED_AT);
        values.put(":updated", s(updatedAt));
        if (changes.nameGiven()) {
            change(BackupCodec.NAME, changes.name().orElse(null), "name", names, values, sets, removes);
        }
        if (changes.descriptionGiven()) {
            change(BackupCodec.DESCRIPTION, changes.description().orElse(null), "description", names, values, sets,
                    removes);
        }
        changes.metadata().ifPresent(metadata -> {
            names.put("#metadata", BackupCodec.METADATA);
            values.put(":metadata", BackupCodec.metadata(metadata));
            sets.add("#metadata = :metadata");
        });
        String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(b -> b.tableName(table)
                    .key(BackupCodec.key(projectId, backupId))
                    .updateExpression(update)
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(BackupCodec.fromItem(item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static void change(String attribute, String value, String placeholder, Map<String, String> names,
                               Map<String, AttributeValue> values, List<String> sets, List<String> removes) {
        names.put("#" + placeholder, attribute);
        if (value == null) {
            removes.add("#" + placeholder);
        } else {
            values.put(":" + placeholder, s(value));
            sets.add("#" + placeholder + " = :" + placeholder);
        }
    }

    @Override
    public DeleteOutcome deleteIfAlone(String projectId, String backupId) {
        try {
            transactions.deleteAlone(projectId, backupId);
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
                    ? new DeleteOutcome.Entangled(backup)
                    : new DeleteOutcome.NotDeletable(backup.status());
        }
    }

    @Override
    public void deleteEntangled(Backup expected) {
        List<Share> shares = expected.shareCount() == 0
                ? List.of()
                : shareReads.ofBackup(expected.projectId(), expected.id());
        if (shares.size() != expected.shareCount()) {
            throw new ConcurrentChangeException("Backup " + expected.id() + " has " + shares.size()
                    + " share items but a share count of " + expected.shareCount() + ": a share is being written");
        }
        transactions.deleteEntangled(expected, shares);
    }

    /** An available backup names itself in its volume's head before it becomes available (VolumeHeads). */
    @Override
    public boolean completeCreation(Backup backup, BackupCompletion completion) {
        if (completion.status() == BackupStatus.AVAILABLE) {
            heads.advanceTo(backup);
        }
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
                    .key(BackupCodec.key(backup.projectId(), backup.id()))
                    .updateExpression(update.toString())
                    .conditionExpression("#status = :creating")
                    .expressionAttributeNames(Map.of("#status", BackupCodec.STATUS, "#size", BackupCodec.SIZE))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private QueryRequest.Builder backupsOf(String projectId) {
        return QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.project(projectId)),
                        ":prefix", s(Keys.BACKUP_PREFIX)))
                .consistentRead(true);
    }

    private static void appendOptional(StringBuilder update, Map<String, AttributeValue> values,
                                       String attribute, String value) {
        if (value != null) {
            update.append(", ").append(attribute).append(" = :").append(attribute);
            values.put(":" + attribute, s(value));
        }
    }
}
