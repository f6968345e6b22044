package com.vbssharing.backup;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.ConflictException;
import com.vbssharing.api.NotFoundException;
import com.vbssharing.api.PageRequest;
import com.vbssharing.api.SortOrder;
import com.vbssharing.contention.ContentionRetry;
import com.vbssharing.sharing.Share;
import com.vbssharing.support.InMemoryStorage;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup rules, on the in-memory storage ports. */
class BackupServiceTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final BackupConfiguration configuration = new BackupConfiguration();
    private final BackupService service = new BackupService(storage, configuration,
            new ContentionRetry(millis -> { }), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final String project = Tokens.newProjectId();

    @Test
    void aNewBackupIsCreatingInTheConfiguredZone() {
        configuration.setAvailabilityZone("eu-de-01");
        Backup backup = service.create(project, newBackup("b1"));
        assertEquals(BackupStatus.CREATING, backup.status());
        assertEquals("eu-de-01", backup.availabilityZone());
        assertEquals("2026-01-01T00:00:00.000000", backup.createdAt());
        assertEquals(backup, service.get(project, backup.id()));
        assertThrows(NotFoundException.class, () -> service.get(Tokens.newProjectId(), backup.id()));
        assertThrows(NotFoundException.class, () -> service.get(project, "x".repeat(2000)));
    }

    @Test
    void onlyAvailableOrFailedBackupsCanBeDeleted() {
        Backup backup = service.create(project, newBackup("b1"));
        BadRequestException creating = assertThrows(BadRequestException.class, () -> service.delete(project, backup.id()));
        assertTrue(creating.getMessage().contains("is creating"), creating::getMessage);
        complete(backup);
        service.delete(project, backup.id());
        assertThrows(NotFoundException.class, () -> service.delete(project, backup.id()));
    }

    @Test
    void deletingASharedBackupRemovesItsShares() {
        Backup backup = complete(service.create(project, newBackup("b1")));
        storage.createAll(project, backup.id(), List.of(share(backup)), 10);
        service.delete(project, backup.id());
        assertEquals(List.of(), storage.findByBackup(project, backup.id()));
        assertTrue(storage.find(project, backup.id()).isEmpty());
    }

    @Test
    void aShareAddedWhileDeletingIsDeletedToo() {
        Backup backup = complete(service.create(project, newBackup("b1")));
        storage.createAll(project, backup.id(), List.of(share(backup)), 10);
        storage.interfere(() -> { });
        storage.interfere(() -> storage.createAll(project, backup.id(), List.of(share(backup)), 10));
        service.delete(project, backup.id());
        assertEquals(List.of(), storage.findByBackup(project, backup.id()));
    }

    @Test
    void aBackupThatNeverSettlesIs409() {
        Backup backup = complete(service.create(project, newBackup("b1")));
        storage.createAll(project, backup.id(), List.of(share(backup)), 10);
        for (int i = 0; i < 2 * ContentionRetry.ATTEMPTS; i++) {
            // Before every write, a concurrent request replaces the share with a newer one.
            storage.interfere(() -> {
                storage.revoke(project, backup.id(), storage.findByBackup(project, backup.id()));
                storage.createAll(project, backup.id(), List.of(share(backup)), 10);
            });
        }
        assertThrows(ConflictException.class, () -> service.delete(project, backup.id()));
        assertTrue(storage.find(project, backup.id()).isPresent(), "nothing deleted");
    }

    @Test
    void listingFiltersSortsAndPages() {
        Backup a = service.create(project, newBackup("a"));
        Backup b = service.create(project, newBackup("b"));
        BackupListQuery byName = new BackupListQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                new SortOrder(List.of(new SortOrder.Key("name", true))), new PageRequest(1, 0, Optional.empty()));
        assertEquals(List.of(a), service.list(project, byName));
        BackupListQuery after = new BackupListQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                byName.sort(), new PageRequest(1, 0, Optional.of(a.id())));
        assertEquals(List.of(b), service.list(project, after));
        BackupListQuery unknownMarker = new BackupListQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                byName.sort(), new PageRequest(1, 0, Optional.of(UUID.randomUUID().toString())));
        assertThrows(BadRequestException.class, () -> service.list(project, unknownMarker));
    }

    private Backup complete(Backup backup) {
        storage.completeCreation(project, backup.id(), new BackupCompletion(BackupStatus.AVAILABLE, 0, 0, null,
                "2026-01-01T00:00:01.000000", null, "2026-01-01T00:00:01.000000"));
        return storage.find(project, backup.id()).orElseThrow();
    }

    private Share share(Backup backup) {
        return new Share(UUID.randomUUID().toString(), backup.id(), project, Tokens.newProjectId(), "t", "t");
    }

    private static NewBackup newBackup(String name) {
        return new NewBackup(UUID.randomUUID().toString(), UUID.randomUUID().toString(), name, null, false);
    }
}
