package com.vbssharing.backup;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.vbssharing.api.Link;
import com.vbssharing.versions.ApiVersion;
import com.vbssharing.versions.BackupFeature;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of a backup: the summary (create and update answers, plain list) and the detail (show, detail
 * list, and inside a share). The fields later microversions add are there from their version on and absent below
 * it, as in Cinder's answers.
 */
public final class BackupView {

    private BackupView() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Summary(String id, String name, List<Link> links) {
    }

    /** {@code versioned}: the fields of later microversions, in the order Cinder writes them. */
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
            List<Link> links,
            @JsonAnyGetter Map<String, Object> versioned) {
    }

    public static Summary summary(Backup backup, List<Link> links) {
        return new Summary(backup.id(), backup.name(), links);
    }

    /** The detail as the Block Storage API shows it at this microversion. */
    public static Detail detail(Backup backup, List<Link> links, ApiVersion version) {
        Map<String, Object> versioned = new LinkedHashMap<>();
        if (version.supports(BackupFeature.METADATA)) {
            versioned.put("metadata", backup.metadata());
        }
        if (version.supports(BackupFeature.ENCRYPTION_KEY_ID)) {
            versioned.put("encryption_key_id", null); // this service keeps no keys: no backup is encrypted
        }
        if (version.supports(BackupFeature.PROJECT_ATTRIBUTE)) {
            versioned.put("os-backup-project-attr:project_id", backup.projectId());
        }
        if (version.supports(BackupFeature.USER_ID)) {
            versioned.put("user_id", backup.userId());
        }
        return detail(backup, links, versioned);
    }

    /** The detail inside a share (the VBS v2 API has no microversions: the 3.0 fields). */
    public static Detail detail(Backup backup, List<Link> links) {
        return detail(backup, links, Map.of());
    }

    private static Detail detail(Backup backup, List<Link> links, Map<String, Object> versioned) {
        return new Detail(backup.id(), backup.name(), backup.status().value(), backup.size(), backup.objectCount(),
                backup.availabilityZone(), backup.container(), backup.createdAt(), backup.updatedAt(),
                backup.dataTimestamp(), backup.description(), backup.failReason(), backup.volumeId(),
                backup.snapshotId(), backup.isIncremental(), backup.hasDependentBackups(), backup.serviceMetadata(),
                links, versioned);
    }
}
