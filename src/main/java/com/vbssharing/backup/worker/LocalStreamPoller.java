package com.vbssharing.backup.worker;

import com.vbssharing.storage.StreamChange;
import com.vbssharing.storage.TableConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs the backup worker locally, the way the stream-triggered Lambda does in AWS: it reads the table's
 * DynamoDB stream (DynamoDB Local has one too) and hands each new backup to {@link BackupWorker}.
 * On only for the local run and tests ({@code vbs.worker.local-stream-poller.enabled}).
 */
@Singleton
@Requires(property = "vbs.worker.local-stream-poller.enabled", value = "true")
public class LocalStreamPoller implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStreamPoller.class);
    private static final long POLL_MILLIS = 200;

    private final DynamoDbClient dynamoDb;
    private final TableConfiguration table;
    private final BackupWorker worker;
    private final String endpoint;
    private final String region;
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> finishedShards = new HashSet<>();
    private volatile boolean running;
    private Thread thread;
    private DynamoDbStreamsClient streams;

    public LocalStreamPoller(DynamoDbClient dynamoDb, TableConfiguration table, BackupWorker worker,
                             @Value("${aws.services.dynamodb.endpoint-override}") String endpoint,
                             @Value("${aws.region}") String region) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.worker = worker;
        this.endpoint = endpoint;
        this.region = region;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (running) {
            return;
        }
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        running = true;
        thread = new Thread(this::run, "backup-stream-poller");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
            streams.close();
        }
    }

    private void run() {
        while (running) {
            try {
                pollOnce();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.debug("Stream poll failed; retrying", e);
                    sleepQuietly();
                }
            }
        }
    }

    private void pollOnce() {
        String streamArn = dynamoDb.describeTable(b -> b.tableName(table.getName())).table().latestStreamArn();
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
            var response = streams.getRecords(b -> b.shardIterator(entry.getValue()));
            response.records().forEach(this::handle);
            if (response.nextShardIterator() == null) {
                iterators.remove(entry.getKey());
                finishedShards.add(entry.getKey());
            } else {
                iterators.put(entry.getKey(), response.nextShardIterator());
            }
        }
    }

    private void handle(Record record) {
        NewBackupRecords.newBackup(StreamChange.of(record))
                .ifPresent(key -> worker.complete(key.projectId(), key.backupId()));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
