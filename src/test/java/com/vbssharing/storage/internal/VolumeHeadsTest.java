package com.vbssharing.storage.internal;

import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupCompletion;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupService;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A new backup's parent found through its volume's head (docs/data-model.md, "volume head"): the newest available
 * backup as the backups are completed, in whatever order, and the chain read again when the head names a backup that
 * is gone or not yet available. {@code TableInvariants} (run by the churn tests) holds the head's promise.
 *
 * <p>The shared test application's worker completes every {@code creating} backup it sees in the table's stream, at
 * its own pace; where a test needs a backup that stays unavailable, it records it as {@code error} instead.
 */
class VolumeHeadsTest {

    private final BackupRepository backups = TestApp.get().context().getBean(BackupRepository.class);
    private final VolumeHeads heads = TestApp.get().context().getBean(VolumeHeads.class);
    private final String project = Tokens.newProjectId();
    private final String volume = UUID.randomUUID().toString();
    private Instant clock = Instant.parse("2026-12-08T00:00:00Z");

    @Test
    void aVolumeWithNoAvailableBackupGetsAFullOne() {
        assertNull(backups.insertOnNewestAvailable(draft(BackupStatus.ERROR)).parentId());
        assertNull(backups.insertOnNewestAvailable(draft(BackupStatus.ERROR)).parentId(), "an unavailable backup is no parent");
        assertEquals(Optional.empty(), heads.newestAvailable(project, volume));
    }

    @Test
    void theNewestCompletedBackupIsTheNextOnesParentWhateverOrderTheyCompleteIn() {
        Backup older = backups.insertOnNewestAvailable(draft());
        Backup newer = backups.insertOnNewestAvailable(draft());
        complete(newer);
        complete(older); // either may have been completed by the shared worker already
        heads.advanceTo(older); // the older one's completion once more, last
        assertEquals(Optional.of(newer.id()), heads.newestAvailable(project, volume), "the head never moves back");
        assertEquals(newer.id(), backups.insertOnNewestAvailable(draft()).parentId());
    }

    @Test
    void aHeadNamingADeletedBackupSendsTheWriteToTheChain() {
        Backup first = completed(backups.insertOnNewestAvailable(draft()));
        Backup second = completed(backups.insertOnNewestAvailable(draft()));
        assertEquals(first.id(), second.parentId());
        Backup alone = completed(backups.insertOnNewestAvailable(draft().toBuilder()
                .volumeId(UUID.randomUUID().toString()).build()));
        // The head still names the second backup once it is deleted: the write finds it gone and reads the chain.
        Backup secondAsStored = backups.find(project, second.id()).orElseThrow();
        backups.deleteEntangled(secondAsStored);
        assertEquals(Optional.of(second.id()), heads.newestAvailable(project, volume));
        assertEquals(first.id(), backups.insertOnNewestAvailable(draft()).parentId());
        assertEquals(Optional.of(alone.id()), heads.newestAvailable(project, alone.volumeId()));
    }

    /** As while the worker completes a backup: its head written, its status not yet. */
    @Test
    void aHeadNamingABackupNotAvailableSendsTheWriteToTheChain() {
        Backup available = completed(backups.insertOnNewestAvailable(draft()));
        Backup notAvailable = backups.insertOnNewestAvailable(draft(BackupStatus.ERROR));
        heads.advanceTo(notAvailable);
        assertEquals(Optional.of(notAvailable.id()), heads.newestAvailable(project, volume));
        assertEquals(available.id(), backups.insertOnNewestAvailable(draft()).parentId());
    }

    @Test
    void aNewestBackupWithNoRoomForAnotherDependentGivesAFullBackup() {
        Backup parent = completed(backups.insertOnNewestAvailable(draft()));
        for (int i = 0; i < BackupService.MAX_DEPENDENTS; i++) {
            assertEquals(parent.id(), backups.insertOnNewestAvailable(draft(BackupStatus.ERROR)).parentId());
        }
        assertNull(backups.insertOnNewestAvailable(draft(BackupStatus.ERROR)).parentId());
    }

    /** A new backup of the volume as BackupService makes it: creating, no parent, a second after the one before. */
    private Backup draft() {
        return draft(BackupStatus.CREATING);
    }

    private Backup draft(BackupStatus status) {
        clock = clock.plus(Duration.ofSeconds(1));
        String now = Timestamps.now(Clock.fixed(clock, ZoneOffset.UTC));
        return Backup.builder().id(UUID.randomUUID().toString()).projectId(project).name("b")
                .status(status).availabilityZone("az1").volumeId(volume)
                .snapshotId(UUID.randomUUID().toString()).createdAt(now).updatedAt(now).build();
    }

    private void complete(Backup backup) {
        String now = Timestamps.now(Clock.fixed(clock, ZoneOffset.UTC));
        backups.completeCreation(backup, new BackupCompletion(BackupStatus.AVAILABLE, 0, 0, null, now, null, now));
    }

    private Backup completed(Backup backup) {
        complete(backup);
        return backup;
    }
}
