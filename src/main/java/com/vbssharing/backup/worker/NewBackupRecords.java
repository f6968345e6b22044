package com.vbssharing.backup.worker;

import com.vbssharing.storage.StreamChange;

import java.util.Optional;

/** Recognises, in a stream record, a backup that was just inserted in status {@code creating}. */
final class NewBackupRecords {

    record NewBackupKey(String projectId, String backupId) {
    }

    private NewBackupRecords() {
    }

    static Optional<NewBackupKey> newBackup(StreamChange<?> change) {
        if (!StreamChange.INSERT.equals(change.eventName())
                || !"backup".equals(change.after("entity"))
                || !"creating".equals(change.after("status"))) {
            return Optional.empty();
        }
        return Optional.of(new NewBackupKey(change.after("project_id"), change.after("id")));
    }
}
