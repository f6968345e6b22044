package com.vbssharing.storage.internal;

import com.vbssharing.storage.TableChange;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Stream record images as items: converted from Lambda's event model, and decoded by item type. */
public final class StreamImages {

    private StreamImages() {
    }

    /** Decodes one change from its item images (either may be null: no image before an insert or after a removal). */
    public static TableChange decode(String eventId, TableChange.Kind kind, Instant time,
                                     Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> latest = newImage != null && !newImage.isEmpty() ? newImage : oldImage;
        return switch (ItemType.of(latest)) {
            case BACKUP -> new TableChange.BackupChange(eventId, kind, time,
                    present(oldImage).map(BackupCodec::fromItem), present(newImage).map(BackupCodec::fromItem));
            case SHARE -> new TableChange.ShareChange(eventId, kind, time, ShareCodec.fromItem(latest));
            default -> new TableChange.OtherChange(eventId, kind, time);
        };
    }

    private static Optional<Map<String, AttributeValue>> present(Map<String, AttributeValue> image) {
        return image == null || image.isEmpty() ? Optional.empty() : Optional.of(image);
    }

    /** Lambda's stream event has its own attribute value class; the codecs read the SDK's. */
    public static Map<String, AttributeValue> fromLambda(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        image.forEach((name, value) -> item.put(name, fromLambda(value)));
        return item;
    }

    private static AttributeValue fromLambda(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        if (value.getM() != null) {
            return AttributeValue.fromM(fromLambda(value.getM()));
        }
        if (value.getL() != null) {
            return AttributeValue.fromL(value.getL().stream().map(StreamImages::fromLambda).toList());
        }
        if (value.getSS() != null) {
            return AttributeValue.fromSs(value.getSS());
        }
        if (value.getNS() != null) {
            return AttributeValue.fromNs(value.getNS());
        }
        if (value.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.getB()));
        }
        if (value.getBS() != null) {
            return AttributeValue.fromBs(value.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        }
        return AttributeValue.fromNul(true);
    }
}
