package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

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
    static final String INCREMENTAL = "is_incremental";
    static final String HAS_DEPENDENT_BACKUPS = "has_dependent_backups";
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
        item.put(INCREMENTAL, bool(backup.incremental()));
        item.put(HAS_DEPENDENT_BACKUPS, bool(backup.hasDependentBackups()));
        putIfPresent(item, SERVICE_METADATA, backup.serviceMetadata());
        item.put(CREATED_AT, s(backup.createdAt()));
        item.put(UPDATED_AT, s(backup.updatedAt()));
        putIfPresent(item, DATA_TIMESTAMP, backup.dataTimestamp());
        item.put(SHARE_COUNT, n(backup.shareCount()));
        return item;
    }

    public static Backup fromItem(Map<String, AttributeValue> item) {
        return new Backup(
                string(item, ID),
                string(item, PROJECT_ID),
                string(item, NAME),
                string(item, DESCRIPTION),
                BackupStatus.fromValue(string(item, STATUS)),
                number(item, SIZE),
                number(item, OBJECT_COUNT),
                string(item, AVAILABILITY_ZONE),
                string(item, CONTAINER),
                string(item, VOLUME_ID),
                string(item, SNAPSHOT_ID),
                string(item, FAIL_REASON),
                Attributes.bool(item, INCREMENTAL),
                Attributes.bool(item, HAS_DEPENDENT_BACKUPS),
                string(item, SERVICE_METADATA),
                string(item, CREATED_AT),
                string(item, UPDATED_AT),
                string(item, DATA_TIMESTAMP),
                (int) number(item, SHARE_COUNT));
    }
}
