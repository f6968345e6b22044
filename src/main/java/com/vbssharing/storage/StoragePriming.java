package com.vbssharing.storage;

import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

import java.util.Map;

/** What SnapStart's priming (lambda/SnapStartPriming) needs from the storage adapter beyond its requests. */
public final class StoragePriming {

    private StoragePriming() {
    }

    /**
     * Builds the answer to a transaction that succeeded, as the SDK builds it from DynamoDB's: the priming's share
     * request is refused (priming writes nothing), so without this the first share after a restore would load
     * those model classes and build their field tables (measured: docs/decisions.md, "What ships for start-up").
     */
    public static void loadSuccessfulWriteAnswers() {
        TransactWriteItemsResponse.builder()
                .consumedCapacity(ConsumedCapacity.builder().tableName("priming").capacityUnits(1.0).build())
                .itemCollectionMetrics(Map.of())
                .build();
    }
}
