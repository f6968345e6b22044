package com.vbssharing.backup;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.JsonBodies;
import com.vbssharing.versions.ApiVersion;
import com.vbssharing.versions.BackupFeature;
import io.micronaut.json.tree.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code POST /v3/{project_id}/backups} body. {@code container} and {@code incremental} are accepted
 * (with their JSON types checked) and skipped, as the VBS page says: whether a backup is incremental follows
 * from the volume's history. {@code force} is recorded as given. {@code metadata} (3.43) and
 * {@code availability_zone} (3.51) exist from their microversions on; below, as in Cinder, they are unknown
 * fields.
 */
public record NewBackup(String volumeId, String snapshotId, String name, String description, boolean force,
                        Map<String, String> metadata, String availabilityZone) {

    private static final Set<String> FIELDS = Set.of(
            "volume_id", "snapshot_id", "name", "description", "container", "incremental", "force", "project_id");

    public NewBackup {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The fields a create body may hold at this version. */
    public static Set<String> fields(ApiVersion version) {
        Set<String> fields = new HashSet<>(FIELDS);
        if (version.supports(BackupFeature.METADATA)) {
            fields.add("metadata");
        }
        if (version.supports(BackupFeature.AVAILABILITY_ZONE)) {
            fields.add("availability_zone");
        }
        return fields;
    }

    public static NewBackup from(JsonNode backup, String pathProjectId) {
        String projectId = JsonBodies.optionalString(backup, "project_id");
        if (projectId != null && !projectId.equals(pathProjectId)) {
            throw new BadRequestException("Field 'project_id' must equal the project in the URL, " + pathProjectId + ".");
        }
        JsonBodies.optionalString(backup, "container");
        JsonBodies.optionalBoolean(backup, "incremental");
        String zone = JsonBodies.optionalString(backup, "availability_zone");
        if (zone != null && zone.length() > 255) {
            throw new BadRequestException("Field 'availability_zone' must be at most 255 characters.");
        }
        return new NewBackup(
                JsonBodies.requiredUuid(backup, "volume_id"),
                JsonBodies.requiredUuid(backup, "snapshot_id"),
                BackupFields.name(backup),
                BackupFields.description(backup),
                JsonBodies.optionalBoolean(backup, "force"),
                BackupFields.metadata(backup),
                zone);
    }
}
