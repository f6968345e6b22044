package com.vbssharing.storage;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.vbssharing.storage.internal.StreamImages;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.time.Instant;
import java.util.Date;

/**
 * Decodes the table's stream records, as Lambda delivers them or as the SDK reads them (the local run and
 * tests), through the same item codecs the repositories write with.
 */
public final class TableChanges {

    private TableChanges() {
    }

    public static TableChange decode(DynamodbEvent.DynamodbStreamRecord record) {
        var stream = record.getDynamodb();
        Date created = stream.getApproximateCreationDateTime();
        return StreamImages.decode(record.getEventID(), kind(record.getEventName()),
                created == null ? null : created.toInstant(),
                StreamImages.fromLambda(stream.getOldImage()), StreamImages.fromLambda(stream.getNewImage()));
    }

    public static TableChange decode(Record record) {
        var stream = record.dynamodb();
        Instant created = stream.approximateCreationDateTime();
        return StreamImages.decode(record.eventID(), kind(record.eventNameAsString()), created,
                stream.hasOldImage() ? stream.oldImage() : null, stream.hasNewImage() ? stream.newImage() : null);
    }

    private static TableChange.Kind kind(String eventName) {
        return TableChange.Kind.valueOf(eventName);
    }
}
