package com.vbssharing.backup;

import com.vbssharing.api.Link;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The JSON shapes of a backup: the summary (create answer, plain list) and the detail (show, detail list, shares). */
public final class BackupView {

    private BackupView() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Summary(String id, String name, List<Link> links) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Detail(
            String id,
            String name,
            String status,
            long size,
            long objectCount,
            String availabilityZone,
            String container,
            String createdAt,
            String updatedAt,
            String dataTimestamp,
            String description,
            String failReason,
            String volumeId,
            String snapshotId,
            boolean isIncremental,
            boolean hasDependentBackups,
            String serviceMetadata,
            List<Link> links) {
    }

    public static Summary summary(Backup backup, List<Link> links) {
        return new Summary(backup.id(), backup.name(), links);
    }

    public static Detail detail(Backup backup, List<Link> links) {
        return new Detail(backup.id(), backup.name(), backup.status().value(), backup.size(), backup.objectCount(),
                backup.availabilityZone(), backup.container(), backup.createdAt(), backup.updatedAt(),
                backup.dataTimestamp(), backup.description(), backup.failReason(), backup.volumeId(),
                backup.snapshotId(), backup.incremental(), backup.hasDependentBackups(), backup.serviceMetadata(),
                links);
    }
}
