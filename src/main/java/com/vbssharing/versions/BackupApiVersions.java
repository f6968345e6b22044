package com.vbssharing.versions;

/**
 * The microversions of the Block Storage API (v3) this service speaks, and the one place that says which
 * backup behaviour each brings. A controller asks {@code version.supports(Feature.X)}; nothing else reads the
 * version. docs/microversions.md is the table of what the service does at each backup-related microversion.
 */
public final class BackupApiVersions {

    public static final Microversion MIN = Microversion.of(3, 0);
    /**
     * The highest microversion whose backup behaviour the service implements exactly: every backup change up to
     * 3.64 ({@link BackupFeature}). 3.65–3.66 change nothing in the backup API; 3.67 makes the project id in URLs
     * optional, which this service does not implement, so it stops at 3.64.
     */
    public static final Microversion MAX = Microversion.of(3, 64);
    /** When the maximum was last raised, as the versions document reports it. */
    public static final String UPDATED = "2026-12-02T00:00:00Z";

    private BackupApiVersions() {
    }
}
