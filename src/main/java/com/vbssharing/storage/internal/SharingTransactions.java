package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.contention.ConcurrentChangeException;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository.CreateOutcome;
import com.vbssharing.storage.TableConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import static com.vbssharing.storage.internal.Attributes.n;
import static com.vbssharing.storage.internal.Attributes.s;

/**
 * The writes that span a backup and its shares, each one transaction: share (limit and uniqueness) and revoke
 * (deleting a backup with its shares is {@link BackupTransactions}'s, with this class's share removal). Every item a transaction removes is conditioned on being exactly the
 * item that was read (a share on its id), so a share created in between is never removed by mistake and no
 * lookup item outlives its share; the backup's {@code share_count} moves in the same transaction.
 */
@Singleton
public class SharingTransactions {

    /** What each item of these transactions is, for reading cancellation reasons by item. */
    sealed interface Part {
        record TheBackup() implements Part { }
        record ShareItem(Share share) implements Part { }
        record LookupItem(Share share) implements Part { }
    }

    private static final Part BACKUP = new Part.TheBackup();

    private final DynamoDbClient dynamoDb;
    private final String table;

    public SharingTransactions(DynamoDbClient dynamoDb, TableConfiguration tableConfiguration) {
        this.dynamoDb = dynamoDb;
        this.table = tableConfiguration.getName();
    }

    /**
     * Creates all shares of one backup, raising its share count, or none: the backup must exist, be shareable
     * and have room for them, and no target may hold a share of it yet.
     */
    CreateOutcome share(String ownerProjectId, String backupId, List<Share> shares, int maxShares) {
        Map<String, String> names = Map.of("#count", BackupCodec.SHARE_COUNT, "#status", BackupCodec.STATUS);
        Map<String, AttributeValue> values = new HashMap<>(statusValues(BackupStatus::isShareable));
        values.put(":n", n(shares.size()));
        values.put(":room", n(maxShares - shares.size()));
        Transaction<Part> transaction = new Transaction<Part>().add(BACKUP, TransactWriteItem.builder().update(u -> u
                .tableName(table)
                .key(BackupCodec.key(ownerProjectId, backupId))
                .updateExpression("SET #count = #count + :n")
                .conditionExpression("attribute_exists(pk) AND #status IN (" + statusList(BackupStatus::isShareable)
                        + ") AND #count <= :room")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        for (Share share : shares) {
            transaction.add(new Part.ShareItem(share), put(ShareCodec.shareItem(share)));
            transaction.add(new Part.LookupItem(share), put(ShareCodec.lookupItem(share)));
        }
        return transaction.execute(dynamoDb)
                .map(cancelled -> whyShareFailed(ownerProjectId, backupId, cancelled))
                .orElseGet(CreateOutcome.Created::new);
    }

    /** Most specific first: missing backup, wrong status, an existing share, then the limit. */
    private CreateOutcome whyShareFailed(String ownerProjectId, String backupId, Transaction.Cancelled<Part> cancelled) {
        Backup backup = null;
        if (cancelled.conditionFailed(BACKUP)) {
            backup = oldItem(cancelled.failed().get(BACKUP))
                    .or(() -> read(ownerProjectId, backupId))
                    .map(BackupCodec::fromItem)
                    .orElse(null);
            if (backup == null) {
                return new CreateOutcome.BackupMissing();
            }
            if (!backup.status().isShareable()) {
                return new CreateOutcome.BackupNotAvailable(backup.status().value());
            }
        }
        for (Part failed : cancelled.conditionFailures()) {
            if (failed instanceof Part.ShareItem item) {
                return new CreateOutcome.AlreadyShared(item.share().toProjectId());
            }
        }
        if (backup != null) {
            return new CreateOutcome.LimitExceeded(backup.shareCount());
        }
        // A lookup item's condition (a share id already taken) or a concurrent transaction.
        throw cancelled.asConcurrentChange("Sharing backup " + backupId);
    }

    /**
     * Deletes exactly these shares (each still the share with its id) and their lookup items, and lowers the
     * backup's share count by as many; otherwise nothing.
     *
     * @throws ConcurrentChangeException when any of them is no longer there as read
     */
    void revoke(String ownerProjectId, String backupId, List<Share> shares) {
        Transaction<Part> transaction = new Transaction<Part>().add(BACKUP, TransactWriteItem.builder().update(u -> u
                .tableName(table)
                .key(BackupCodec.key(ownerProjectId, backupId))
                .updateExpression("SET #count = #count - :n")
                .conditionExpression("attribute_exists(pk) AND #count >= :n")
                .expressionAttributeNames(Map.of("#count", BackupCodec.SHARE_COUNT))
                .expressionAttributeValues(Map.of(":n", n(shares.size())))).build());
        removeShares(transaction, shares);
        transaction.execute(dynamoDb).ifPresent(cancelled -> {
            throw cancelled.asConcurrentChange("Revoking shares of backup " + backupId);
        });
    }

    /** Deletable, and shared with exactly {@code :count} projects (names {@code #status}, {@code #count}). */
    static String deletableCondition() {
        return "attribute_exists(pk) AND #status IN (" + statusList(BackupStatus::isDeletable) + ") AND #count = :count";
    }

    /** The values {@code :status_<name>} of every status the predicate holds for. */
    static Map<String, AttributeValue> statusValues(Predicate<BackupStatus> which) {
        Map<String, AttributeValue> values = new HashMap<>();
        Arrays.stream(BackupStatus.values()).filter(which)
                .forEach(status -> values.put(":status_" + status.value(), s(status.value())));
        return values;
    }

    private static String statusList(Predicate<BackupStatus> which) {
        return String.join(", ", Arrays.stream(BackupStatus.values()).filter(which)
                .map(status -> ":status_" + status.value()).toList());
    }

    /** Adds to the transaction the removal of exactly these shares (each conditioned on its id) and their lookups. */
    <L> void removeShares(Transaction<L> transaction, List<Share> shares, Function<Part, L> label) {
        for (Share share : shares) {
            transaction.add(label.apply(new Part.ShareItem(share)), TransactWriteItem.builder().delete(d -> d
                    .tableName(table)
                    .key(ShareCodec.shareKey(share))
                    .conditionExpression("#id = :id")
                    .expressionAttributeNames(Map.of("#id", ShareCodec.SHARE_ID))
                    .expressionAttributeValues(Map.of(":id", s(share.id())))).build());
            transaction.add(label.apply(new Part.LookupItem(share)), TransactWriteItem.builder().delete(d -> d
                    .tableName(table)
                    .key(ShareCodec.lookupKey(share.id()))
                    .conditionExpression("attribute_exists(pk)")).build());
        }
    }

    private void removeShares(Transaction<Part> transaction, List<Share> shares) {
        removeShares(transaction, shares, part -> part);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static Optional<Map<String, AttributeValue>> oldItem(CancellationReason reason) {
        return reason.hasItem() && !reason.item().isEmpty() ? Optional.of(reason.item()) : Optional.empty();
    }

    private Optional<Map<String, AttributeValue>> read(String ownerProjectId, String backupId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(BackupCodec.key(ownerProjectId, backupId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
