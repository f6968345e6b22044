package com.vbssharing.sharing.internal;

import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.storage.Keys;
import com.vbssharing.storage.TableConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.vbssharing.storage.Attributes.n;
import static com.vbssharing.storage.Attributes.number;
import static com.vbssharing.storage.Attributes.s;
import static com.vbssharing.storage.Attributes.string;

@Singleton
public class DynamoShareRepository implements ShareRepository {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoShareRepository(DynamoDbClient dynamoDb, TableConfiguration tableConfiguration) {
        this.dynamoDb = dynamoDb;
        this.table = tableConfiguration.getName();
    }

    @Override
    public CreateOutcome createAll(String ownerProjectId, String backupId, List<Share> shares, int maxShares) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(backupKey(ownerProjectId, backupId))
                .updateExpression("SET #count = #count + :n")
                .conditionExpression("attribute_exists(pk) AND #status = :available AND #count <= :room")
                .expressionAttributeNames(Map.of("#count", Keys.SHARE_COUNT_ATTRIBUTE,
                        "#status", Keys.BACKUP_STATUS_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":n", n(shares.size()), ":available", s("available"),
                        ":room", n(maxShares - shares.size())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        for (Share share : shares) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(ShareItems.shareItem(share))
                    .conditionExpression("attribute_not_exists(pk)")).build());
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(ShareItems.lookupItem(share))
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(writes));
            return new CreateOutcome.Created();
        } catch (TransactionCanceledException e) {
            return whyCreateFailed(ownerProjectId, backupId, shares, e.cancellationReasons());
        }
    }

    /** Most specific first: missing backup, wrong status, an existing share, then the limit. */
    private CreateOutcome whyCreateFailed(String ownerProjectId, String backupId, List<Share> shares,
                                          List<CancellationReason> reasons) {
        boolean backupConditionFailed = !reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code());
        Map<String, AttributeValue> backup = null;
        if (backupConditionFailed) {
            backup = reasons.get(0).hasItem() && !reasons.get(0).item().isEmpty()
                    ? reasons.get(0).item()
                    : readBackup(ownerProjectId, backupId);
            if (backup == null) {
                return new CreateOutcome.BackupMissing();
            }
            String status = string(backup, Keys.BACKUP_STATUS_ATTRIBUTE);
            if (!"available".equals(status)) {
                return new CreateOutcome.BackupNotAvailable(status);
            }
        }
        for (int i = 1; i < reasons.size(); i++) {
            if (CONDITION_FAILED.equals(reasons.get(i).code())) {
                return new CreateOutcome.AlreadyShared(shares.get((i - 1) / 2).toProjectId());
            }
        }
        if (backupConditionFailed) {
            return new CreateOutcome.LimitExceeded((int) number(backup, Keys.SHARE_COUNT_ATTRIBUTE));
        }
        return new CreateOutcome.Contention();
    }

    private Map<String, AttributeValue> readBackup(String ownerProjectId, String backupId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(backupKey(ownerProjectId, backupId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    @Override
    public Optional<Share> findById(String shareId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(ShareItems.lookupKey(shareId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ShareItems.fromItem(item));
    }

    @Override
    public List<Share> findByBackup(String ownerProjectId, String backupId) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.project(ownerProjectId)),
                        ":prefix", s(Keys.sharesOfBackup(backupId))))
                .consistentRead(true)
                .build();
        List<Share> shares = new ArrayList<>();
        dynamoDb.queryPaginator(query).items().forEach(item -> shares.add(ShareItems.fromItem(item)));
        return shares;
    }

    @Override
    public boolean deleteAll(String ownerProjectId, String backupId, List<Share> shares) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(backupKey(ownerProjectId, backupId))
                .updateExpression("SET #count = #count - :n")
                .conditionExpression("attribute_exists(pk) AND #count >= :n")
                .expressionAttributeNames(Map.of("#count", Keys.SHARE_COUNT_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":n", n(shares.size())))).build());
        for (Share share : shares) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(ShareItems.shareKey(share))
                    .conditionExpression("attribute_exists(pk)")).build());
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(ShareItems.lookupKey(share.id()))).build());
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public ShareCursor openIndex(Side side, String projectId, boolean ascending, Optional<Share> after, int skip,
                                 int pageSize) {
        Map<String, AttributeValue> startKey = after.map(share -> ShareItems.indexStartKey(side, share)).orElse(null);
        int remaining = skip;
        while (remaining > 0) {
            // Select=COUNT returns no items at all, only how many were passed and the key to resume after them.
            // Limit counts items; DynamoDB also ends a page at 1 MB read, so a skip may take several pages.
            QueryResponse page = dynamoDb.query(indexQuery(side, projectId).scanIndexForward(ascending)
                    .select(Select.COUNT)
                    .limit(remaining)
                    .exclusiveStartKey(startKey)
                    .build());
            remaining -= page.count();
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return new IndexCursor(side, projectId, ascending, null, pageSize, true);
            }
            startKey = new HashMap<>(page.lastEvaluatedKey());
        }
        return new IndexCursor(side, projectId, ascending, startKey, pageSize, false);
    }

    @Override
    public int count(Side side, String projectId, Optional<String> backupId) {
        QueryRequest.Builder query = indexQuery(side, projectId).select(Select.COUNT);
        backupId.ifPresent(id -> query.filterExpression("backup_id = :backup")
                .expressionAttributeValues(Map.of(":pk", s(ShareItems.indexPartition(side, projectId)), ":backup", s(id))));
        int count = 0;
        for (QueryResponse page : dynamoDb.queryPaginator(query.build())) {
            count += page.count();
        }
        return count;
    }

    private QueryRequest.Builder indexQuery(Side side, String projectId) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(ShareItems.indexName(side))
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ShareItems.indexPartitionAttribute(side)))
                .expressionAttributeValues(Map.of(":pk", s(ShareItems.indexPartition(side, projectId))));
    }

    private static Map<String, AttributeValue> backupKey(String ownerProjectId, String backupId) {
        return Map.of(Keys.PK, s(Keys.project(ownerProjectId)), Keys.SK, s(Keys.backup(backupId)));
    }

    /** One index Query per page, resuming from the last key DynamoDB returned. */
    private final class IndexCursor implements ShareCursor {
        private final QueryRequest.Builder query;
        private Map<String, AttributeValue> startKey;
        private boolean exhausted;

        IndexCursor(Side side, String projectId, boolean ascending, Map<String, AttributeValue> startKey, int pageSize,
                    boolean exhausted) {
            this.query = indexQuery(side, projectId).scanIndexForward(ascending).limit(pageSize);
            this.startKey = startKey;
            this.exhausted = exhausted;
        }

        @Override
        public List<Share> next() {
            if (exhausted) {
                return List.of();
            }
            QueryResponse page = dynamoDb.query(query.exclusiveStartKey(startKey).build());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? new HashMap<>(page.lastEvaluatedKey())
                    : null;
            exhausted = startKey == null;
            return page.items().stream().map(ShareItems::fromItem).toList();
        }

        @Override
        public boolean exhausted() {
            return exhausted;
        }
    }
}
