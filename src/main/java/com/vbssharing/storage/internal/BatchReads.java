package com.vbssharing.storage.internal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Strongly consistent BatchGetItem over any number of keys: chunks of 100, unprocessed keys retried. */
final class BatchReads {

    private static final int MAX_KEYS_PER_CALL = 100;

    private BatchReads() {
    }

    public static List<Map<String, AttributeValue>> getAll(DynamoDbClient dynamoDb, String table,
                                                           List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += MAX_KEYS_PER_CALL) {
            List<Map<String, AttributeValue>> chunk = keys.subList(start, Math.min(start + MAX_KEYS_PER_CALL, keys.size()));
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
            int attempt = 0;
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(pending));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.unprocessedKeys();
                if (!request.isEmpty()) {
                    backOff(++attempt);
                }
            }
        }
        return items;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 20L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading", e);
        }
    }
}
