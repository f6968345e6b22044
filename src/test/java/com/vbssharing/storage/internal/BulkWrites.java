package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.sharing.Share;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark seeding only: puts items with BatchWriteItem (25 a call, unprocessed items resent). No conditions
 * and no transaction: the caller writes a consistent set (backups whose share_count matches their shares).
 */
public final class BulkWrites {

    private static final int ITEMS_PER_CALL = 25;

    private BulkWrites() {
    }

    /** The items the storage adapter writes for these backups and shares (a share: its item and its lookup item). */
    public static List<Map<String, AttributeValue>> items(List<Backup> backups, List<Share> shares) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(backups.size() + 2 * shares.size());
        backups.forEach(backup -> items.add(BackupCodec.toItem(backup)));
        for (Share share : shares) {
            items.add(ShareCodec.shareItem(share));
            items.add(ShareCodec.lookupItem(share));
        }
        return items;
    }

    public static void put(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> items) {
        for (int start = 0; start < items.size(); start += ITEMS_PER_CALL) {
            List<WriteRequest> writes = items.subList(start, Math.min(items.size(), start + ITEMS_PER_CALL)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }
}
