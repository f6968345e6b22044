package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository.Side;
import com.vbssharing.storage.TableConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.vbssharing.storage.internal.Attributes.s;

/** Every way shares are read: by id, by backup, through an index (paged, skipped or counted), and their backups. */
@Singleton
public class ShareReads {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ShareReads(DynamoDbClient dynamoDb, TableConfiguration tableConfiguration) {
        this.dynamoDb = dynamoDb;
        this.table = tableConfiguration.getName();
    }

    /** The share with this id, from its lookup item (consistent). */
    Optional<Share> byId(String shareId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(ShareCodec.lookupKey(shareId)).consistentRead(true)
                .projectionExpression(ShareCodec.READ_PROJECTION)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ShareCodec.fromItem(item));
    }

    /** Every share of a backup, from the owner's partition (consistent; at most the sharing limit). */
    List<Share> ofBackup(String ownerProjectId, String backupId) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.project(ownerProjectId)),
                        ":prefix", s(Keys.sharesOfBackup(backupId))))
                .projectionExpression(ShareCodec.READ_PROJECTION)
                .consistentRead(true)
                .build();
        List<Share> shares = new ArrayList<>();
        dynamoDb.queryPaginator(query).items().forEach(item -> shares.add(ShareCodec.fromItem(item)));
        return shares;
    }

    /**
     * Reads a project's shares from one side's index in creation order, one DynamoDB page at a time, after
     * {@code after} (exclusive), first skipping {@code skip} shares without fetching any of their attributes.
     */
    IndexCursor index(Side side, String projectId, boolean ascending, Optional<Share> after, int skip, int pageSize) {
        Map<String, AttributeValue> startKey = after.map(share -> ShareCodec.indexStartKey(side, share)).orElse(null);
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
                return new IndexCursor(indexQuery(side, projectId), null, true);
            }
            startKey = new HashMap<>(page.lastEvaluatedKey());
        }
        return new IndexCursor(indexQuery(side, projectId).scanIndexForward(ascending).limit(pageSize)
                .projectionExpression(ShareCodec.READ_PROJECTION), startKey, false);
    }

    /** Counts a project's shares on one side, optionally of one backup, without reading their attributes. */
    int countIndex(Side side, String projectId, Optional<String> backupId) {
        QueryRequest.Builder query = indexQuery(side, projectId).select(Select.COUNT);
        backupId.ifPresent(id -> query.filterExpression("#backup = :backup")
                .expressionAttributeNames(Map.of("#pk", ShareCodec.indexPartitionAttribute(side),
                        "#backup", ShareCodec.BACKUP_ID))
                .expressionAttributeValues(Map.of(":pk", s(ShareCodec.indexPartition(side, projectId)),
                        ":backup", s(id))));
        int count = 0;
        for (QueryResponse page : dynamoDb.queryPaginator(query.build())) {
            count += page.count();
        }
        return count;
    }

    /**
     * The backups these shares share, by backup id (one consistent BatchGetItem per 100). Duplicates are dropped
     * before the SDK's key maps are built: hashing and comparing those maps was ~9 % of a share listing's route.
     */
    Map<String, Backup> backupsOf(Collection<Share> shares) {
        List<Map<String, AttributeValue>> keys = shares.stream()
                .map(share -> new SharedBackupKey(share.fromProjectId(), share.backupId()))
                .distinct()
                .map(key -> BackupCodec.key(key.projectId(), key.backupId()))
                .toList();
        Map<String, Backup> found = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchReads.getAll(dynamoDb, table, keys)) {
            Backup backup = BackupCodec.fromItem(item);
            found.put(backup.id(), backup);
        }
        return found;
    }

    private QueryRequest.Builder indexQuery(Side side, String projectId) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(ShareCodec.indexName(side))
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ShareCodec.indexPartitionAttribute(side)))
                .expressionAttributeValues(Map.of(":pk", s(ShareCodec.indexPartition(side, projectId))));
    }

    private record SharedBackupKey(String projectId, String backupId) {
    }

    /** One index Query per page, resuming from the last key DynamoDB returned. */
    final class IndexCursor {
        private final QueryRequest.Builder query;
        private Map<String, AttributeValue> startKey;
        private boolean exhausted;

        private IndexCursor(QueryRequest.Builder query, Map<String, AttributeValue> startKey, boolean exhausted) {
            this.query = query;
            this.startKey = startKey;
            this.exhausted = exhausted;
        }

        /** The next page; empty once the index is exhausted. */
        List<Share> next() {
            if (exhausted) {
                return List.of();
            }
            QueryResponse page = dynamoDb.query(query.exclusiveStartKey(startKey).build());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? new HashMap<>(page.lastEvaluatedKey())
                    : null;
            exhausted = startKey == null;
            return page.items().stream().map(ShareCodec::fromItem).toList();
        }

        boolean exhausted() {
            return exhausted;
        }
    }
}
