package com.vbssharing.backup;

import com.vbssharing.versions.ApiVersion;
import com.vbssharing.versions.BackupFeature;
import io.micronaut.json.tree.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated {@code PUT /v3/{project_id}/backups/{id}} body (3.9): the fields given change, with the same rules
 * as on create; a field given as null clears it; {@code metadata} (3.43) replaces the whole set, as in Cinder.
 * {@code {"backup": {}}} changes nothing.
 */
public record BackupChanges(Optional<String> name, boolean nameGiven, Optional<String> description,
                            boolean descriptionGiven, Optional<Map<String, String>> metadata) {

    public static Set<String> fields(ApiVersion version) {
        Set<String> fields = new HashSet<>(Set.of("name", "description"));
        if (version.supports(BackupFeature.METADATA)) {
            fields.add("metadata");
        }
        return fields;
    }

    public static BackupChanges from(JsonNode backup) {
        boolean nameGiven = backup.get("name") != null;
        boolean descriptionGiven = backup.get("description") != null;
        JsonNode metadataNode = backup.get("metadata");
        if (metadataNode != null && metadataNode.isNull()) {
            throw new com.vbssharing.api.BadRequestException(
                    "Field 'metadata' must be an object of strings: send {} to remove every entry.");
        }
        Optional<Map<String, String>> metadata = metadataNode == null
                ? Optional.empty()
                : Optional.of(BackupFields.metadata(backup));
        return new BackupChanges(Optional.ofNullable(BackupFields.name(backup)), nameGiven,
                Optional.ofNullable(BackupFields.description(backup)), descriptionGiven, metadata);
    }

    /** The backup with these changes made. */
    public Backup applyTo(Backup backup, String updatedAt) {
        Backup.Builder changed = backup.toBuilder().updatedAt(updatedAt);
        if (nameGiven) {
            changed.name(name.orElse(null));
        }
        if (descriptionGiven) {
            changed.description(description.orElse(null));
        }
        metadata.ifPresent(changed::metadata);
        return changed.build();
    }
}
