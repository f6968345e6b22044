package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.vbssharing.storage.internal.Attributes.bool;
import static com.vbssharing.storage.internal.Attributes.n;
import static com.vbssharing.storage.internal.Attributes.number;
import static com.vbssharing.storage.internal.Attributes.putIfPresent;
import static com.vbssharing.storage.internal.Attributes.s;
import static com.vbssharing.storage.internal.Attributes.string;

/** A {@link Backup} as its item, and back: the one place that knows a backup item's key and attributes. */
public final class BackupCodec {

    static final String ID = "id";
    static final String PROJECT_ID = "project_id";
    static final String USER_ID = "user_id";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String STATUS = "status";
    static final String SIZE = "size";
    static final String OBJECT_COUNT = "object_count";
    static final String AVAILABILITY_ZONE = "availability_zone";
    static final String CONTAINER = "container";
    static final String VOLUME_ID = "volume_id";
    static final String SNAPSHOT_ID = "snapshot_id";
    static final String FAIL_REASON = "fail_reason";
    /** The backup this one is incremental on; absent for a full backup. */
    static final String PARENT_ID = "parent_id";
    /**
     * The backups incremental on this one, as a map from id to true: a map, not a set, so that one update can
     * remove one dependent and add others (different document paths; a set would need ADD and DELETE on the same
     * attribute, which one expression may not do). Always present, {} when none.
     */
    static final String DEPENDENTS = "dependents";
    static final String METADATA = "metadata";
    static final String FORCE = "force";
    static final String SERVICE_METADATA = "service_metadata";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String DATA_TIMESTAMP = "data_timestamp";
    /** How many projects the backup is shared with: the 10-project limit is one condition on it. */
    static final String SHARE_COUNT = "share_count";

    private BackupCodec() {
    }

    static Map<String, AttributeValue> key(String projectId, String backupId) {
        return Map.of(Keys.PK, s(Keys.project(projectId)), Keys.SK, s(Keys.backup(backupId)));
    }

    public static Map<String, AttributeValue> toItem(Backup backup) {
        Map<String, AttributeValue> item = new HashMap<>(key(backup.projectId(), backup.id()));
        item.put(ItemType.ATTRIBUTE, ItemType.BACKUP.attributeValue());
        item.put(ID, s(backup.id()));
        item.put(PROJECT_ID, s(backup.projectId()));
        putIfPresent(item, USER_ID, backup.userId());
        putIfPresent(item, NAME, backup.name());
        putIfPresent(item, DESCRIPTION, backup.description());
        item.put(STATUS, s(backup.status().value()));
        item.put(SIZE, n(backup.size()));
        item.put(OBJECT_COUNT, n(backup.objectCount()));
        putIfPresent(item, AVAILABILITY_ZONE, backup.availabilityZone());
        putIfPresent(item, CONTAINER, backup.container());
        item.put(VOLUME_ID, s(backup.volumeId()));
        putIfPresent(item, SNAPSHOT_ID, backup.snapshotId());
        putIfPresent(item, FAIL_REASON, backup.failReason());
        putIfPresent(item, PARENT_ID, backup.parentId());
        item.put(DEPENDENTS, dependents(backup.dependentIds()));
        item.put(METADATA, metadata(backup.metadata()));
        item.put(FORCE, bool(backup.force()));
        putIfPresent(item, SERVICE_METADATA, backup.serviceMetadata());
        item.put(CREATED_AT, s(backup.createdAt()));
        item.put(UPDATED_AT, s(backup.updatedAt()));
        putIfPresent(item, DATA_TIMESTAMP, backup.dataTimestamp());
        item.put(SHARE_COUNT, n(backup.shareCount()));
        return item;
    }

    public static Backup fromItem(Map<String, AttributeValue> item) {
        return Backup.builder()
                .id(string(item, ID))
                .projectId(string(item, PROJECT_ID))
                .userId(string(item, USER_ID))
                .name(string(item, NAME))
                .description(string(item, DESCRIPTION))
                .status(BackupStatus.fromValue(string(item, STATUS)))
                .size(number(item, SIZE))
                .objectCount(number(item, OBJECT_COUNT))
                .availabilityZone(string(item, AVAILABILITY_ZONE))
                .container(string(item, CONTAINER))
                .volumeId(string(item, VOLUME_ID))
                .snapshotId(string(item, SNAPSHOT_ID))
                .failReason(string(item, FAIL_REASON))
                .parentId(string(item, PARENT_ID))
                .dependentIds(dependentIds(item.get(DEPENDENTS)))
                .metadata(metadata(item.get(METADATA)))
                .force(Attributes.bool(item, FORCE))
                .serviceMetadata(string(item, SERVICE_METADATA))
                .createdAt(string(item, CREATED_AT))
                .updatedAt(string(item, UPDATED_AT))
                .dataTimestamp(string(item, DATA_TIMESTAMP))
                .shareCount((int) number(item, SHARE_COUNT))
                .build();
    }

    static AttributeValue dependents(Set<String> ids) {
        Map<String, AttributeValue> map = new HashMap<>();
        ids.forEach(id -> map.put(id, AttributeValue.fromBool(true)));
        return AttributeValue.fromM(map);
    }

    static AttributeValue metadata(Map<String, String> metadata) {
        Map<String, AttributeValue> map = new HashMap<>();
        metadata.forEach((key, value) -> map.put(key, s(value)));
        return AttributeValue.fromM(map);
    }

    private static Set<String> dependentIds(AttributeValue value) {
        return value == null || !value.hasM() ? Set.of() : new TreeSet<>(value.m().keySet());
    }

    private static Map<String, String> metadata(AttributeValue value) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value != null && value.hasM()) {
            new java.util.TreeMap<>(value.m()).forEach((key, entry) -> metadata.put(key, entry.s()));
        }
        return metadata;
    }
}
