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
        return backup(projectId, name, status, UUID.randomUUID().toString());
    }

    /** A full backup of the given volume. */
    public static Backup backup(String projectId, String name, BackupStatus status, String volumeId) {
        return backup(TestApp.get().context().getBean(BackupRepository.class), projectId, name, status, volumeId);
    }

    /** A full backup of the given volume, through the given repository (of a test's own context). */
    public static Backup backup(BackupRepository repository, String projectId, String name, BackupStatus status,
                                String volumeId) {
        String now = com.vbssharing.api.Timestamps.now(java.time.Clock.systemUTC());
        Backup backup = Backup.builder().id(UUID.randomUUID().toString()).projectId(projectId).name(name)
                .status(status).size(3).availabilityZone("az1").volumeId(volumeId)
                .snapshotId(UUID.randomUUID().toString()).createdAt(now).updatedAt(now).dataTimestamp(now).build();
        repository.insert(backup);
        return backup;
    }

    public static String availableBackup(String projectId, String name) {
        return backup(projectId, name, BackupStatus.AVAILABLE).id();
    }
}
