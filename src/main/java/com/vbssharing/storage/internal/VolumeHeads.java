package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.storage.TableConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;
import java.util.Optional;

import static com.vbssharing.storage.internal.Attributes.s;

/**
 * One item per volume of a project naming its newest available backup, so that a new backup finds its parent by
 * key instead of reading the project's backups (docs/data-model.md, "volume head").
 *
 * <p>What it promises is one-sided: no available backup of the volume is newer than the one it names. A backup's
 * head is written before the backup becomes available, and only ever moves to a newer backup; it is never moved
 * back when that backup is deleted. So the head may name a backup that is gone, or one still {@code creating}
 * whose completion is under way: the write that uses it as a parent checks, and reads the chain when it is not
 * usable ({@link DynamoBackupRepository#insertOnNewestAvailable}).
 */
@Singleton
class VolumeHeads {

    static final String BACKUP_ID = "backup_id";
    /** The named backup's {@link Keys#createdOrder}: a head only moves to a greater one. */
    static final String NEWEST = "newest";

    private final DynamoDbClient dynamoDb;
    private final String table;

    VolumeHeads(DynamoDbClient dynamoDb, TableConfiguration tableConfiguration) {
        this.dynamoDb = dynamoDb;
        this.table = tableConfiguration.getName();
    }

    static Map<String, AttributeValue> key(String projectId, String volumeId) {
        return Map.of(Keys.PK, s(Keys.project(projectId)), Keys.SK, s(Keys.volumeHead(volumeId)));
    }

    /** The backup the volume's head names (consistent), if the volume ever had an available backup. */
    Optional<String> newestAvailable(String projectId, String volumeId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(key(projectId, volumeId))
                .consistentRead(true)
                .projectionExpression(BACKUP_ID)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attributes.string(item, BACKUP_ID));
    }

    /** Names this backup, unless the head already names a newer one. To be called before it becomes available. */
    void advanceTo(Backup backup) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(backup.projectId(), backup.volumeId()))
                    .updateExpression("SET #entity = :entity, #backup = :backup, #newest = :newest")
                    .conditionExpression("attribute_not_exists(#newest) OR #newest < :newest")
                    .expressionAttributeNames(Map.of("#entity", ItemType.ATTRIBUTE, "#backup", BACKUP_ID,
                            "#newest", NEWEST))
                    .expressionAttributeValues(Map.of(":entity", ItemType.VOLUME_HEAD.attributeValue(),
                            ":backup", s(backup.id()),
                            ":newest", s(Keys.createdOrder(backup.createdAt(), backup.id())))));
        } catch (ConditionalCheckFailedException e) {
            // A newer backup of the volume is the head already (or this one is, from an earlier delivery).
        }
    }
}
