package com.vbssharing.storage.local;

import com.vbssharing.aws.AwsClients;
import com.vbssharing.storage.TableChange;
import com.vbssharing.storage.TableChanges;
import com.vbssharing.storage.TableConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The table's stream read directly, as the stream-triggered Lambdas receive it in AWS: for the local run and
 * the tests, against DynamoDB Local (which has streams too). Not thread-safe: one poller reads it.
 */
@Singleton
@Requires(property = "vbs.worker.local-stream-poller.enabled", value = "true")
public class LocalTableStream {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbStreamsClient streams;
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> finishedShards = new HashSet<>();

    @Inject
    public LocalTableStream(DynamoDbClient dynamoDb, TableConfiguration table, @Value("${aws.region}") String region) {
        this(dynamoDb, table.getName(),
                AwsClients.configure(DynamoDbStreamsClient.builder(), region, table.getEndpoint()).build());
    }

    LocalTableStream(DynamoDbClient dynamoDb, String table, DynamoDbStreamsClient streams) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.streams = streams;
    }

    /** Hands every change written since the last call to {@code consumer}, in stream order per shard. */
    public void poll(Consumer<TableChange> consumer) {
        String streamArn = dynamoDb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            return;
        }
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            if (!finishedShards.contains(shard.shardId()) && !iterators.containsKey(shard.shardId())) {
                iterators.put(shard.shardId(), streams.getShardIterator(b -> b.streamArn(streamArn)
                        .shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            }
        }
        for (Map.Entry<String, String> entry : Map.copyOf(iterators).entrySet()) {
            GetRecordsResponse response;
            try {
                response = streams.getRecords(b -> b.shardIterator(entry.getValue()));
            } catch (TrimmedDataAccessException | ExpiredIteratorException e) {
                // This shard's position is gone: read it again from its oldest record on the next poll (the worker
                // leaves a backup alone once it is no longer creating, so a change seen twice is harmless). Until
                // then the other shards go on: one shard's failure used to stop them all, and backups stayed creating.
                iterators.remove(entry.getKey());
                continue;
            }
            response.records().forEach(record -> consumer.accept(TableChanges.decode(record)));
            if (response.nextShardIterator() == null) {
                iterators.remove(entry.getKey());
                finishedShards.add(entry.getKey());
            } else {
                iterators.put(entry.getKey(), response.nextShardIterator());
            }
        }
    }

    @PreDestroy
    public void close() {
        streams.close();
    }
}
