package com.vbssharing.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

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
