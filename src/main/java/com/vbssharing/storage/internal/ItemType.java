package com.vbssharing.storage.internal;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an item is, from its {@code entity} attribute: every item carries one, so stream consumers and the
 * tests' invariant checker can tell items apart without parsing keys.
 */
public enum ItemType {
    BACKUP("backup"), SHARE("share"), SHARE_LOOKUP("share_id"), VOLUME_HEAD("volume_head"), OTHER(null);

    public static final String ATTRIBUTE = "entity";

    private final String value;

    ItemType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public AttributeValue attributeValue() {
        return AttributeValue.fromS(value);
    }

    public static ItemType of(Map<String, AttributeValue> item) {
        String entity = item == null ? null : Attributes.string(item, ATTRIBUTE);
        for (ItemType type : values()) {
            if (type.value != null && type.value.equals(entity)) {
                return type;
            }
        }
        return OTHER;
    }
}
