package com.vbssharing.storage.internal;

import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository.Side;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static com.vbssharing.storage.internal.Attributes.s;
import static com.vbssharing.storage.internal.Attributes.string;

/**
 * A {@link Share} as its two items, and back: the share item under the owner's partition (whose key makes
 * (backup, receiving project) unique, and which both indexes project), and the id lookup item, which carries
 * the same attributes and so points back at the share item's key.
 */
public final class ShareCodec {

    /** The share's id, on both items: it names the lookup item, and share deletes are conditioned on it. */
    static final String SHARE_ID = "share_id";
    static final String BACKUP_ID = "backup_id";
    static final String FROM = "from_project_id";
    static final String TO = "to_project_id";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    /**
     * What a share read asks DynamoDB for: the share's own attributes, which is all {@link #fromItem} decodes. The
     * items also carry their table and index keys and {@code entity}, more than half of a share item's attributes;
     * left out, the SDK has that much less of each answer to unmarshal (none of the names is a reserved word).
     */
    static final String READ_PROJECTION = String.join(", ", SHARE_ID, BACKUP_ID, FROM, TO, CREATED_AT, UPDATED_AT);

    private ShareCodec() {
    }

    static Map<String, AttributeValue> shareKey(Share share) {
        return shareKey(share.fromProjectId(), share.backupId(), share.toProjectId());
    }

    static Map<String, AttributeValue> shareKey(String from, String backupId, String to) {
        return Map.of(Keys.PK, s(Keys.project(from)), Keys.SK, s(Keys.share(backupId, to)));
    }

    static Map<String, AttributeValue> lookupKey(String shareId) {
        String key = Keys.shareId(shareId);
        return Map.of(Keys.PK, s(key), Keys.SK, s(key));
    }

    public static Map<String, AttributeValue> shareItem(Share share) {
        Map<String, AttributeValue> item = attributes(share);
        item.putAll(shareKey(share));
        item.putAll(indexKey(Side.SHARED_BY, share));
        item.putAll(indexKey(Side.SHARED_WITH, share));
        item.put(ItemType.ATTRIBUTE, ItemType.SHARE.attributeValue());
        return item;
    }

    public static Map<String, AttributeValue> lookupItem(Share share) {
        Map<String, AttributeValue> item = attributes(share);
        item.putAll(lookupKey(share.id()));
        item.put(ItemType.ATTRIBUTE, ItemType.SHARE_LOOKUP.attributeValue());
        return item;
    }

    /** The full key of a share item in one index: what ExclusiveStartKey needs to resume after it. */
    static Map<String, AttributeValue> indexStartKey(Side side, Share share) {
        Map<String, AttributeValue> key = new HashMap<>(shareKey(share));
        key.putAll(indexKey(side, share));
        return key;
    }

    static String indexName(Side side) {
        return side == Side.SHARED_BY ? Keys.SHARED_BY_INDEX : Keys.SHARED_WITH_INDEX;
    }

    static String indexPartitionAttribute(Side side) {
        return side == Side.SHARED_BY ? Keys.GSI1_PK : Keys.GSI2_PK;
    }

    static String indexPartition(Side side, String projectId) {
        return side == Side.SHARED_BY ? Keys.sharedBy(projectId) : Keys.sharedWith(projectId);
    }

    private static Map<String, AttributeValue> indexKey(Side side, Share share) {
        String order = Keys.createdOrder(share.createdAt(), share.id());
        return side == Side.SHARED_BY
                ? Map.of(Keys.GSI1_PK, s(Keys.sharedBy(share.fromProjectId())), Keys.GSI1_SK, s(order))
                : Map.of(Keys.GSI2_PK, s(Keys.sharedWith(share.toProjectId())), Keys.GSI2_SK, s(order));
    }

    /** The share as a read with {@link #READ_PROJECTION} returns it. */
    static Map<String, AttributeValue> attributes(Share share) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SHARE_ID, s(share.id()));
        item.put(BACKUP_ID, s(share.backupId()));
        item.put(FROM, s(share.fromProjectId()));
        item.put(TO, s(share.toProjectId()));
        item.put(CREATED_AT, s(share.createdAt()));
        item.put(UPDATED_AT, s(share.updatedAt()));
        return item;
    }

    /** Decodes a share item or a lookup item (they carry the same share attributes). */
    public static Share fromItem(Map<String, AttributeValue> item) {
        return new Share(string(item, SHARE_ID), string(item, BACKUP_ID), string(item, FROM),
                string(item, TO), string(item, CREATED_AT), string(item, UPDATED_AT));
    }
}
