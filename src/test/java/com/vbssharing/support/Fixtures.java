package com.vbssharing.support;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;

import java.util.UUID;

/** Data written straight through the repositories, for tests that need much of it or a particular state. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Backup backup(String projectId, String name, BackupStatus status) {
        String now = com.vbssharing.api.Timestamps.now(java.time.Clock.systemUTC());
        Backup backup = new Backup(UUID.randomUUID().toString(), projectId, name, null, status, 3, 0, "az1", null,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, false, false, null, now, now, now, 0);
        TestApp.get().context().getBean(BackupRepository.class).insert(backup);
        return backup;
    }

    public static String availableBackup(String projectId, String name) {
        return backup(projectId, name, BackupStatus.AVAILABLE).id();
    }
}
