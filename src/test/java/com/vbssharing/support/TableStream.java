package com.vbssharing.support;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.vbssharing.aws.AwsClients;
import com.vbssharing.storage.TableConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the shared test table's DynamoDB stream (DynamoDB Local's) from the start of every shard, and turns
 * SDK stream records into the Lambda event model the stream trigger delivers.
 */
public final class TableStream {

    private static final List<String> PROJECT_ATTRIBUTES = List.of("project_id", "from_project_id", "to_project_id");

    private TableStream() {
    }

    /** Every record so far about these projects (as owner, sharer or receiver), in stream order. */
    public static List<Record> recordsOf(Collection<String> projectIds) {
        Set<String> projects = Set.copyOf(projectIds);
        return readAll().stream().filter(record -> concerns(record, projects)).toList();
    }

    public static DynamodbEvent lambdaEvent(List<Record> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(TableStream::lambdaRecord).toList());
        return event;
    }

    private static List<Record> readAll() {
        TestApp app = TestApp.get();
        String table = app.context().getBean(TableConfiguration.class).getName();
        String streamArn = app.context().getBean(DynamoDbClient.class)
                .describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<Record> records = new ArrayList<>();
        try (DynamoDbStreamsClient streams = AwsClients.configure(DynamoDbStreamsClient.builder(),
                Region.US_EAST_1.id(), app.endpoint()).build()) {
            for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                // An open shard always hands out a next iterator; DynamoDB Local answers an empty page once
                // everything written so far has been read.
                while (iterator != null) {
                    String current = iterator;
                    GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
                    records.addAll(page.records());
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        records.sort(Comparator.comparing(record -> new BigInteger(record.dynamodb().sequenceNumber())));
        return records;
    }

    private static boolean concerns(Record record, Set<String> projects) {
        for (Map<String, AttributeValue> image : List.of(record.dynamodb().newImage(), record.dynamodb().oldImage())) {
            for (String attribute : PROJECT_ATTRIBUTES) {
                AttributeValue value = image.get(attribute);
                if (value != null && projects.contains(value.s())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static DynamodbEvent.DynamodbStreamRecord lambdaRecord(Record record) {
        StreamRecord stream = new StreamRecord();
        stream.setSequenceNumber(record.dynamodb().sequenceNumber());
        stream.setSizeBytes(record.dynamodb().sizeBytes());
        stream.setStreamViewType(StreamViewType.fromValue(record.dynamodb().streamViewTypeAsString()));
        if (record.dynamodb().approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(record.dynamodb().approximateCreationDateTime()));
        }
        stream.setKeys(lambdaImage(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            stream.setNewImage(lambdaImage(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            stream.setOldImage(lambdaImage(record.dynamodb().oldImage()));
        }
        DynamodbEvent.DynamodbStreamRecord lambda = new DynamodbEvent.DynamodbStreamRecord();
        lambda.setEventID(record.eventID());
        lambda.setEventName(record.eventNameAsString());
        lambda.setEventVersion(record.eventVersion());
        lambda.setEventSource(record.eventSource());
        lambda.setAwsRegion(record.awsRegion());
        lambda.setDynamodb(stream);
        return lambda;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> lambdaImage(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted = new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, lambdaValue(value)));
        return converted;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue lambdaValue(AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(bytes -> (ByteBuffer) bytes.asByteBuffer()).toList());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(value.nul());
            case M -> converted.setM(lambdaImage(value.m()));
            case L -> converted.setL(value.l().stream().map(TableStream::lambdaValue).toList());
            default -> throw new IllegalArgumentException("Unknown attribute value type: " + value);
        }
        return converted;
    }
}
