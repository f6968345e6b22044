package com.vbssharing.backup.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static com.vbssharing.storage.Attributes.bool;
import static com.vbssharing.storage.Attributes.n;
import static com.vbssharing.storage.Attributes.number;
import static com.vbssharing.storage.Attributes.putIfPresent;
import static com.vbssharing.storage.Attributes.s;
import static com.vbssharing.storage.Attributes.string;

/** Maps a {@link Backup} to its DynamoDB item and back. */
final class BackupItems {

    static final String ENTITY = "entity";
    static final String ENTITY_BACKUP = "backup";
    static final String ID = "id";
    static final String PROJECT_ID = "project_id";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String STATUS = Keys.BACKUP_STATUS_ATTRIBUTE;
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
    static final String SHARE_COUNT = Keys.SHARE_COUNT_ATTRIBUTE;

    private BackupItems() {
    }

    static Map<String, AttributeValue> key(String projectId, String backupId) {
        return Map.of(Keys.PK, s(Keys.project(projectId)), Keys.SK, s(Keys.backup(backupId)));
    }

    static Map<String, AttributeValue> toItem(Backup backup) {
        Map<String, AttributeValue> item = new HashMap<>(key(backup.projectId(), backup.id()));
        item.put(ENTITY, s(ENTITY_BACKUP));
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

    static Backup fromItem(Map<String, AttributeValue> item) {
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
                com.vbssharing.storage.Attributes.bool(item, INCREMENTAL),
                com.vbssharing.storage.Attributes.bool(item, HAS_DEPENDENT_BACKUPS),
                string(item, SERVICE_METADATA),
                string(item, CREATED_AT),
                string(item, UPDATED_AT),
                string(item, DATA_TIMESTAMP),
                (int) number(item, SHARE_COUNT));
    }
}
