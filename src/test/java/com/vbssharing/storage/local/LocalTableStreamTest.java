package com.vbssharing.storage.local;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local stream reader goes on with the other shards when one shard's position is gone, and reads it again. */
class LocalTableStreamTest {

    private static final String STREAM = "arn:aws:dynamodb:local:000000000000:table/t/stream/1";

    @Test
    void aShardWhoseRecordsAreTrimmedStopsNeitherTheOthersNorItself() {
        FakeStreams streams = new FakeStreams();
        LocalTableStream stream = new LocalTableStream(new FakeTable(), "t", streams);
        List<String> seen = new ArrayList<>();

        stream.poll(change -> seen.add(change.eventId()));
        // shard-a's first read fails as DynamoDB Local failed it; shard-b's change still comes through.
        assertEquals(List.of("b1"), seen);

        stream.poll(change -> seen.add(change.eventId()));
        // shard-a is read again from its oldest record, with a new iterator.
        assertEquals(List.of("b1", "a1"), seen);
        assertEquals(2, streams.iteratorsIssued.get("shard-a"));
    }

    private static Record record(String eventId) {
        return Record.builder().eventID(eventId).eventName("INSERT")
                .dynamodb(StreamRecord.builder().approximateCreationDateTime(Instant.EPOCH)
                        .newImage(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"))).build())
                .build();
    }

    private static final class FakeTable implements DynamoDbClient {
        @Override
        public DescribeTableResponse describeTable(DescribeTableRequest request) {
            return DescribeTableResponse.builder().table(t -> t.tableName(request.tableName()).latestStreamArn(STREAM))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    /** Two shards; the first iterator handed out for shard-a points at trimmed records. */
    private static final class FakeStreams implements DynamoDbStreamsClient {
        final Map<String, Integer> iteratorsIssued = new java.util.HashMap<>();

        @Override
        public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
            return DescribeStreamResponse.builder().streamDescription(d -> d.streamArn(STREAM).shards(
                    Shard.builder().shardId("shard-a").build(), Shard.builder().shardId("shard-b").build())).build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            int issued = iteratorsIssued.merge(request.shardId(), 1, Integer::sum);
            return GetShardIteratorResponse.builder().shardIterator(request.shardId() + "#" + issued).build();
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            return switch (request.shardIterator()) {
                case "shard-a#1" -> throw TrimmedDataAccessException.builder()
                        .message("The operation attempted to read past the oldest stream record in a shard.").build();
                case "shard-a#2" -> GetRecordsResponse.builder().records(record("a1")).nextShardIterator("shard-a#done").build();
                case "shard-b#1" -> GetRecordsResponse.builder().records(record("b1")).nextShardIterator("shard-b#done").build();
                default -> GetRecordsResponse.builder().records(List.of()).nextShardIterator(request.shardIterator()).build();
            };
        }

        @Override
        public String serviceName() {
            return "streams.dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
