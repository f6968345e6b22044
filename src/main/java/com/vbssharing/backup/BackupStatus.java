package com.vbssharing.backup;

import java.util.Locale;

/** The backup states OpenStack clients know. */
public enum BackupStatus {
    CREATING, AVAILABLE, DELETING, ERROR, ERROR_RESTORING, RESTORING;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BackupStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** A backup can be deleted when no operation is running on it. */
    public boolean isDeletable() {
        return this == AVAILABLE || this == ERROR;
    }

    /** Sharing is done on backups in status available (the service's user guide). */
    public boolean isShareable() {
        return this == AVAILABLE;
    }
}
