package com.vbssharing.sharing;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.JsonBodies;
import io.micronaut.json.tree.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A validated {@code POST /v2/{project_id}/os-vendor-backup-sharing} body. */
public record NewShares(String backupId, List<String> toProjectIds) {

    public static final Set<String> FIELDS = Set.of("backup_id", "to_project_ids");
    /** A backup can be shared with at most this many projects (the service's user guide). */
    public static final int MAX_PROJECTS_PER_BACKUP = 10;

    private static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9]{32}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    public static NewShares from(JsonNode shared, String callerProjectId) {
        String backupId = JsonBodies.requiredString(shared, "backup_id");
        List<String> targets = JsonBodies.requiredStringList(shared, "to_project_ids");
        if (targets.isEmpty()) {
            throw new BadRequestException("Field 'to_project_ids' must list at least one project.");
        }
        Set<String> seen = new HashSet<>();
        for (String target : targets) {
            if (!PROJECT_ID.matcher(target).matches() || DIGITS.matcher(target).matches()) {
                throw new BadRequestException("Invalid project id '" + target
                        + "' in to_project_ids: it must be 32 letters or digits, and not digits only.");
            }
            if (target.equals(callerProjectId)) {
                throw new BadRequestException("Project " + target + " in to_project_ids is the backup's own project.");
            }
            if (!seen.add(target)) {
                throw new BadRequestException("Project " + target + " appears more than once in to_project_ids.");
            }
        }
        if (targets.size() > MAX_PROJECTS_PER_BACKUP) {
            throw new BadRequestException("A backup can be shared with at most " + MAX_PROJECTS_PER_BACKUP
                    + " projects; the request lists " + targets.size() + ".");
        }
        return new NewShares(backupId, List.copyOf(targets));
    }
}
