package com.vbssharing.versions;

/**
 * Each change Cinder made to the backup API, at the microversion that made it (docs/microversions.md). The one
 * place that says what a version brings: code asks {@code version.supports(BackupFeature.X)}.
 */
public enum BackupFeature {
    /** {@code PUT /v3/{project_id}/backups/{id}}: name and description. */
    UPDATE(3, 9),
    /** {@code os-backup-project-attr:project_id} in show and the detail list. */
    PROJECT_ATTRIBUTE(3, 18),
    /** Only the filters {@code resource_filters} lists are accepted; any other is a 400. */
    GENERIC_FILTERS(3, 31),
    /** {@code GET /v3/{project_id}/resource_filters}. */
    RESOURCE_FILTERS(3, 33),
    /** {@code name~=x}: a filter matching a part of the value. */
    LIKE_FILTERS(3, 34),
    /** {@code metadata} on create and update, and in every detail view. */
    METADATA(3, 43),
    /** {@code with_count=true}: {@code count} in list and detail list. */
    COUNT(3, 45),
    /** {@code availability_zone} on create. */
    AVAILABILITY_ZONE(3, 51),
    /** {@code user_id} in show and the detail list. */
    USER_ID(3, 56),
    /** {@code encryption_key_id} in every detail view. */
    ENCRYPTION_KEY_ID(3, 64);

    private final Microversion since;

    BackupFeature(int major, int minor) {
        this.since = Microversion.of(major, minor);
    }

    public Microversion since() {
        return since;
    }
}
