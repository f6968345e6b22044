package com.vbssharing.storage;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

/**
 * The parts of one DynamoDB stream record that change events are made of. Built from the Lambda event's
 * record model or from the SDK's (a local or test reader of the stream); {@code asString} reads a string
 * attribute of either model's attribute values.
 */
public record StreamChange<V>(String eventId, String eventName, Instant approximateCreationTime, Map<String, V> oldImage,
                              Map<String, V> newImage, Function<V, String> asString) {

    public static final String INSERT = "INSERT";
    public static final String REMOVE = "REMOVE";

    public static StreamChange<com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> of(
            DynamodbEvent.DynamodbStreamRecord record) {
        var stream = record.getDynamodb();
        Date created = stream.getApproximateCreationDateTime();
        return new StreamChange<>(record.getEventID(), record.getEventName(),
                created == null ? null : created.toInstant(), stream.getOldImage(), stream.getNewImage(),
                com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue::getS);
    }

    public static StreamChange<AttributeValue> of(Record record) {
        var stream = record.dynamodb();
        return new StreamChange<>(record.eventID(), record.eventNameAsString(),
                stream.approximateCreationDateTime(), stream.oldImage(), stream.newImage(), AttributeValue::s);
    }

    /** A string attribute of the item before the change; null when absent. */
    public String before(String attribute) {
        return value(oldImage, attribute);
    }

    /** A string attribute of the item after the change; null when absent. */
    public String after(String attribute) {
        return value(newImage, attribute);
    }

    /** A string attribute of the item as it was last seen: after the change, or before a removal. */
    public String latest(String attribute) {
        return REMOVE.equals(eventName) ? before(attribute) : after(attribute);
    }

    private String value(Map<String, V> image, String attribute) {
        V value = image == null ? null : image.get(attribute);
        return value == null ? null : asString.apply(value);
    }
}
