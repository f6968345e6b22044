package com.vbssharing.storage.internal;

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

    private final List<TransactWriteItem> writes = new ArrayList<>();
    private final List<L> labels = new ArrayList<>();

    Transaction<L> add(L label, TransactWriteItem write) {
        labels.add(label);
        writes.add(write);
        return this;
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Commits, or answers why DynamoDB cancelled the transaction. */
    Optional<Cancelled<L>> execute(DynamoDbClient dynamoDb) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(writes));
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
