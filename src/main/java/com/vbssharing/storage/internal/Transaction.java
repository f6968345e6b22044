package com.vbssharing.storage.internal;

import com.vbssharing.api.ServiceUnavailableException;
import com.vbssharing.contention.ConcurrentChangeException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One {@code TransactWriteItems} whose items each carry a label saying what they are (the backup, the share
 * for project T, its lookup item). DynamoDB reports a cancellation as a list of reasons in item order; this
 * hands them back by label, so callers never decode reasons by position.
 *
 * @param <L> what an item is to the operation building the transaction
 */
final class Transaction<L> {

    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final String CONFLICT = "TransactionConflict";
    /** Reasons that say DynamoDB is overloaded, not that the items changed: a 503, not a retry as contention. */
    private static final java.util.Set<String> THROTTLED =
            java.util.Set.of("ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    private final List<TransactWriteItem> writes = new ArrayList<>();
    private final List<L> labels = new ArrayList<>();
    /**
     * The same on every attempt the client makes: when an attempt timed out after DynamoDB had committed it, the
     * next one is answered as committed instead of failing its conditions on its own writes.
     */
    private final String idempotencyToken = UUID.randomUUID().toString();

    Transaction<L> add(L label, TransactWriteItem write) {
        labels.add(label);
        writes.add(write);
        return this;
    }

    String idempotencyToken() {
        return idempotencyToken;
    }

    List<TransactWriteItem> writes() {
        return List.copyOf(writes);
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Commits, or answers why DynamoDB cancelled the transaction. */
    Optional<Cancelled<L>> execute(DynamoDbClient dynamoDb) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(writes).clientRequestToken(idempotencyToken));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            Map<L, CancellationReason> failed = new LinkedHashMap<>();
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            for (int i = 0; i < reasons.size() && i < labels.size(); i++) {
                String code = reasons.get(i).code();
                if (code != null && !"None".equals(code)) {
                    failed.put(labels.get(i), reasons.get(i));
                }
            }
            if (failed.values().stream().anyMatch(reason -> THROTTLED.contains(reason.code()))) {
                throw new ServiceUnavailableException("The backup store is unavailable: DynamoDB is throttling "
                        + "requests. Retry later.", 1);
            }
            return Optional.of(new Cancelled<>(failed));
        }
    }

    /** The items whose write failed, each with DynamoDB's reason; items that did not fail are absent. */
    record Cancelled<L>(Map<L, CancellationReason> failed) {

        boolean conditionFailed(L label) {
            CancellationReason reason = failed.get(label);
            return reason != null && CONDITION_FAILED.equals(reason.code());
        }

        /** The labels whose condition failed, in the transaction's order. */
        List<L> conditionFailures() {
            return failed.entrySet().stream()
                    .filter(entry -> CONDITION_FAILED.equals(entry.getValue().code()))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        /**
         * A cancellation that no condition of ours explains: a collision with a concurrent transaction (or
         * DynamoDB not naming a reason). Retrying from the read may succeed.
         */
        ConcurrentChangeException asConcurrentChange(String what) {
            return new ConcurrentChangeException(what + " was cancelled: " + failed.values().stream()
                    .map(CancellationReason::code).distinct().toList());
        }
    }
}
