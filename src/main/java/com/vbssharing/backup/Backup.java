package com.vbssharing.backup;

import java.util.Map;
import java.util.Set;

/**
 * A volume backup as this service stores it.
 *
 * <p>{@code parentId} makes it incremental: the backup it was taken on top of (VBS: a volume's first backup is
 * full, every later one incremental on the latest available one). {@code dependentIds} are the backups taken on
 * top of it. {@code shareCount} is how many projects it is shared with; it lives on the backup so the 10-project
 * limit is one condition on one item.
 */
public record Backup(
        String id,
        String projectId,
        String userId,
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
        String parentId,
        Set<String> dependentIds,
        Map<String, String> metadata,
        boolean force,
        String serviceMetadata,
        String createdAt,
        String updatedAt,
        String dataTimestamp,
        int shareCount) {

    public Backup {
        dependentIds = dependentIds == null ? Set.of() : Set.copyOf(dependentIds);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public boolean isIncremental() {
        return parentId != null;
    }

    public boolean hasDependentBackups() {
        return !dependentIds.isEmpty();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For the places that make or change a backup; every field starts empty (size 0, no shares). */
    public static final class Builder {
        private String id;
        private String projectId;
        private String userId;
        private String name;
        private String description;
        private BackupStatus status = BackupStatus.CREATING;
        private long size;
        private long objectCount;
        private String availabilityZone;
        private String container;
        private String volumeId;
        private String snapshotId;
        private String failReason;
        private String parentId;
        private Set<String> dependentIds = Set.of();
        private Map<String, String> metadata = Map.of();
        private boolean force;
        private String serviceMetadata;
        private String createdAt;
        private String updatedAt;
        private String dataTimestamp;
        private int shareCount;

        private Builder() {
        }

        private Builder(Backup b) {
            id = b.id; projectId = b.projectId; userId = b.userId; name = b.name; description = b.description;
            status = b.status; size = b.size; objectCount = b.objectCount; availabilityZone = b.availabilityZone;
            container = b.container; volumeId = b.volumeId; snapshotId = b.snapshotId; failReason = b.failReason;
            parentId = b.parentId; dependentIds = b.dependentIds; metadata = b.metadata; force = b.force;
            serviceMetadata = b.serviceMetadata; createdAt = b.createdAt; updatedAt = b.updatedAt;
            dataTimestamp = b.dataTimestamp; shareCount = b.shareCount;
        }

        public Builder id(String value) { id = value; return this; }
        public Builder projectId(String value) { projectId = value; return this; }
        public Builder userId(String value) { userId = value; return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder status(BackupStatus value) { status = value; return this; }
        public Builder size(long value) { size = value; return this; }
        public Builder objectCount(long value) { objectCount = value; return this; }
        public Builder availabilityZone(String value) { availabilityZone = value; return this; }
        public Builder container(String value) { container = value; return this; }
        public Builder volumeId(String value) { volumeId = value; return this; }
        public Builder snapshotId(String value) { snapshotId = value; return this; }
        public Builder failReason(String value) { failReason = value; return this; }
        public Builder parentId(String value) { parentId = value; return this; }
        public Builder dependentIds(Set<String> value) { dependentIds = value; return this; }
        public Builder metadata(Map<String, String> value) { metadata = value; return this; }
        public Builder force(boolean value) { force = value; return this; }
        public Builder serviceMetadata(String value) { serviceMetadata = value; return this; }
        public Builder createdAt(String value) { createdAt = value; return this; }
        public Builder updatedAt(String value) { updatedAt = value; return this; }
        public Builder dataTimestamp(String value) { dataTimestamp = value; return this; }
        public Builder shareCount(int value) { shareCount = value; return this; }

        public Backup build() {
            return new Backup(id, projectId, userId, name, description, status, size, objectCount, availabilityZone,
                    container, volumeId, snapshotId, failReason, parentId, dependentIds, metadata, force,
                    serviceMetadata, createdAt, updatedAt, dataTimestamp, shareCount);
        }
    }
}
