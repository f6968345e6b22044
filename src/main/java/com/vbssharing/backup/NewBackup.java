package com.vbssharing.backup;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.JsonBodies;
import io.micronaut.json.tree.JsonNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated {@code POST /v3/{project_id}/backups} body. {@code container} and {@code incremental} are
 * accepted (with their JSON types checked) and ignored, as the spec says.
 */
public record NewBackup(String volumeId, String snapshotId, String name, String description, boolean force) {

    public static final Set<String> FIELDS = Set.of(
            "volume_id", "snapshot_id", "name", "description", "container", "incremental", "force", "project_id");

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final int MAX_DESCRIPTION = 255;

    public static NewBackup from(JsonNode backup, String pathProjectId) {
        String projectId = JsonBodies.optionalString(backup, "project_id");
        if (projectId != null && !projectId.equals(pathProjectId)) {
            throw new BadRequestException("Field 'project_id' must equal the project in the URL, " + pathProjectId + ".");
        }
        JsonBodies.optionalString(backup, "container");
        JsonBodies.optionalBoolean(backup, "incremental");
        return new NewBackup(
                JsonBodies.requiredUuid(backup, "volume_id"),
                JsonBodies.requiredUuid(backup, "snapshot_id"),
                validName(JsonBodies.optionalString(backup, "name")),
                validDescription(JsonBodies.optionalString(backup, "description")),
                JsonBodies.optionalBoolean(backup, "force"));
    }

    private static String validName(String name) {
        if (name == null) {
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            throw new BadRequestException("Field 'name' must be 1 to 64 letters, digits, '_' or '-', got '" + name + "'.");
        }
        if (name.startsWith("auto")) {
            throw new BadRequestException("Field 'name' must not start with 'auto', got '" + name + "'.");
        }
        return name;
    }

    private static String validDescription(String description) {
        if (description == null) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new BadRequestException("Field 'description' must be at most 255 characters, got "
                    + description.length() + ".");
        }
        if (description.indexOf('<') >= 0 || description.indexOf('>') >= 0) {
            throw new BadRequestException("Field 'description' must not contain '<' or '>'.");
        }
        return description;
    }
}
