package com.vbssharing.backup;

/**
 * A volume backup as this service stores it. {@code shareCount} is how many projects it is shared with;
 * it lives on the backup so the 10-project limit can be enforced by one condition on one item.
 */
public record Backup(
        String id,
        String projectId,
        String name,
        String description,
        BackupStatus status,
        long size,
        long objectCount,
        String availabilityZone,
        String container,
        String volumeId,
        String snapshotId,
        String failReason,
        boolean incremental,
        boolean hasDependentBackups,
        String serviceMetadata,
        String createdAt,
        String updatedAt,
        String dataTimestamp,
        int shareCount) {
}
