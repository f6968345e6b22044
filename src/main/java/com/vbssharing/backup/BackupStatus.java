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

    public boolean isDeletable() {
        return this == AVAILABLE || this == ERROR;
    }
}
