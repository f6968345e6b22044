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
import com.vbssharing.observability.Activity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup rules, on the in-memory storage ports. */
class BackupServiceTest {

    private static final String USER = "user-1";

    private final InMemoryStorage storage = new InMemoryStorage();
    private final BackupConfiguration configuration = new BackupConfiguration();
    /** Each call a microsecond later, so that backups have distinct creation times. */
    private final AtomicLong micros = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2026-01-01T00:00:00Z").plusNanos(1000 * micros.getAndIncrement());
        }
    };
    private final BackupService service = new BackupService(storage, configuration,
            new ContentionRetry(millis -> { }), clock, Activity.NONE);
    private final String project = Tokens.newProjectId();
    private final String volume = UUID.randomUUID().toString();

    @Test
    void aNewBackupIsCreatingInTheConfiguredZoneAndRecordsItsUser() {
        configuration.setAvailabilityZone("eu-de-01");
        Backup backup = service.create(project, USER, newBackup("b1"));
        assertEquals(BackupStatus.CREATING, backup.status());
        assertEquals("eu-de-01", backup.availabilityZone());
        assertEquals(USER, backup.userId());
        assertEquals("2026-01-01T00:00:00.000000", backup.createdAt());
        assertEquals(backup, service.get(project, backup.id()));
        assertThrows(NotFoundException.class, () -> service.get(Tokens.newProjectId(), backup.id()));
        assertThrows(NotFoundException.class, () -> service.get(project, "x".repeat(2000)));
    }

    @Test
    void onlyTheDeploymentsZoneCanBeAskedFor() {
        configuration.setAvailabilityZone("eu-de-01");
        assertEquals("eu-de-01", service.create(project, USER, newBackup("b1", "eu-de-01")).availabilityZone());
        BadRequestException other = assertThrows(BadRequestException.class,
                () -> service.create(project, USER, newBackup("b2", "eu-de-02")));
        assertTrue(other.getMessage().contains("offers eu-de-01"), other::getMessage);
    }

    @Test
    void aVolumesFirstBackupIsFullAndLaterOnesIncrementalOnTheNewestAvailableOne() {
        Backup first = service.create(project, USER, newBackup("first"));
        assertFalse(first.isIncremental());
        Backup whileFirstIsCreating = service.create(project, USER, newBackup("second"));
        assertFalse(whileFirstIsCreating.isIncremental(), "a creating backup is no parent");
        complete(first);
        complete(whileFirstIsCreating);
        Backup third = service.create(project, USER, newBackup("third"));
        assertEquals(whileFirstIsCreating.id(), third.parentId(), "the newest available one");
        assertTrue(storage.find(project, whileFirstIsCreating.id()).orElseThrow().hasDependentBackups());
        Backup otherVolume = service.create(project, USER, new NewBackup(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "other", null, false, Map.of(), null));
        assertFalse(otherVolume.isIncremental());
    }

    @Test
    void aParentThatFillsUpGivesWayToAFullBackup() {
        Backup parent = complete(service.create(project, USER, newBackup("parent")));
        for (int i = 0; i < BackupService.MAX_DEPENDENTS; i++) {
            assertEquals(parent.id(), service.create(project, USER, newBackup("d" + i)).parentId());
        }
        assertNull(service.create(project, USER, newBackup("full")).parentId());
    }

    @Test
    void deletingABackupInTheMiddleHandsItsDependentsToItsParent() {
        Backup full = complete(service.create(project, USER, newBackup("full")));
        Backup middle = complete(service.create(project, USER, newBackup("middle")));
        Backup last = service.create(project, USER, newBackup("last"));
        assertEquals(middle.id(), last.parentId());

        service.delete(project, middle.id());

        assertEquals(full.id(), storage.find(project, last.id()).orElseThrow().parentId());
        assertEquals(Set.of(last.id()), storage.find(project, full.id()).orElseThrow().dependentIds());
    }

    @Test
    void deletingAFullBackupMakesItsDependentsFull() {
        Backup full = complete(service.create(project, USER, newBackup("full")));
        Backup next = service.create(project, USER, newBackup("next"));
        service.delete(project, full.id());
        assertFalse(storage.find(project, next.id()).orElseThrow().isIncremental());
    }

    @Test
    void aParentDeletedWhileBackingUpOnItIsReadAgain() {
        Backup first = complete(service.create(project, USER, newBackup("first")));
        Backup second = complete(service.create(project, USER, newBackup("second")));
        // Between the read of the parent and the write, the newest backup is deleted.
        storage.interfere(() -> service.delete(project, second.id()));
        Backup third = service.create(project, USER, newBackup("third"));
        assertEquals(first.id(), third.parentId());
        assertEquals(Set.of(third.id()), storage.find(project, first.id()).orElseThrow().dependentIds());
    }

    @Test
    void onlyAvailableOrFailedBackupsCanBeDeleted() {
        Backup backup = service.create(project, USER, newBackup("b1"));
        BadRequestException creating = assertThrows(BadRequestException.class, () -> service.delete(project, backup.id()));
        assertTrue(creating.getMessage().contains("is creating"), creating::getMessage);
        complete(backup);
        service.delete(project, backup.id());
        assertThrows(NotFoundException.class, () -> service.delete(project, backup.id()));
    }

    @Test
    void deletingASharedBackupRemovesItsShares() {
        Backup backup = complete(service.create(project, USER, newBackup("b1")));
        storage.createAll(project, backup.id(), List.of(share(backup)), 10);
        service.delete(project, backup.id());
        assertEquals(List.of(), storage.findByBackup(project, backup.id()));
        assertTrue(storage.find(project, backup.id()).isEmpty());
    }

    @Test
    void aShareAddedWhileDeletingIsDeletedToo() {
        Backup backup = complete(service.create(project, USER, newBackup("b1")));
        storage.createAll(project, backup.id(), List.of(share(backup)), 10);
        storage.interfere(() -> { });
        storage.interfere(() -> storage.createAll(project, backup.id(), List.of(share(backup)), 10));
        service.delete(project, backup.id());
        assertEquals(List.of(), storage.findByBackup(project, backup.id()));
    }

    @Test
    void aBackupThatNeverSettlesIs409() {
        Backup backup = complete(service.create(project, USER, newBackup("b1")));
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
    void anUpdateChangesOnlyWhatItNames() {
        Backup backup = service.create(project, USER, new NewBackup(volume, UUID.randomUUID().toString(), "b1",
                "described", false, Map.of("a", "1"), null));
        Backup renamed = service.update(project, backup.id(), changes(Optional.of("b2"), true, Optional.empty(), false,
                Optional.empty()));
        assertEquals("b2", renamed.name());
        assertEquals("described", renamed.description());
        assertEquals(Map.of("a", "1"), renamed.metadata());
        Backup cleared = service.update(project, backup.id(), changes(Optional.empty(), false, Optional.empty(), true,
                Optional.of(Map.of("b", "2"))));
        assertNull(cleared.description());
        assertEquals(Map.of("b", "2"), cleared.metadata(), "metadata is replaced as a whole");
        assertThrows(NotFoundException.class, () -> service.update(project, UUID.randomUUID().toString(),
                changes(Optional.empty(), false, Optional.empty(), false, Optional.empty())));
    }

    @Test
    void listingFiltersSortsPagesAndCounts() {
        Backup a = service.create(project, USER, newBackup("a"));
        Backup b = service.create(project, USER, newBackup("b"));
        SortOrder byName = new SortOrder(List.of(new SortOrder.Key("name", true)));
        BackupPage first = service.list(project, query(byName, new PageRequest(1, 0, Optional.empty()), true));
        assertEquals(List.of(a), first.backups());
        assertEquals(2, first.count().getAsInt(), "count ignores paging");
        assertEquals(List.of(b), service.list(project, query(byName, new PageRequest(1, 0, Optional.of(a.id())), false))
                .backups());
        assertTrue(service.list(project, query(byName, new PageRequest(1, 0, Optional.empty()), false)).count().isEmpty());
        assertThrows(BadRequestException.class, () -> service.list(project,
                query(byName, new PageRequest(1, 0, Optional.of(UUID.randomUUID().toString())), false)));
    }

    private static BackupListQuery query(SortOrder sort, PageRequest page, boolean withCount) {
        return new BackupListQuery(Map.of(), Map.of(), sort, page, withCount);
    }

    private static BackupChanges changes(Optional<String> name, boolean nameGiven, Optional<String> description,
                                         boolean descriptionGiven, Optional<Map<String, String>> metadata) {
        return new BackupChanges(name, nameGiven, description, descriptionGiven, metadata);
    }

    private Backup complete(Backup backup) {
        storage.completeCreation(backup, new BackupCompletion(BackupStatus.AVAILABLE, 0, 0, null,
                "2026-01-01T00:00:01.000000", null, "2026-01-01T00:00:01.000000"));
        return storage.find(project, backup.id()).orElseThrow();
    }

    private Share share(Backup backup) {
        return new Share(UUID.randomUUID().toString(), backup.id(), project, Tokens.newProjectId(), "t", "t");
    }

    private NewBackup newBackup(String name) {
        return newBackup(name, null);
    }

    private NewBackup newBackup(String name, String zone) {
        return new NewBackup(volume, UUID.randomUUID().toString(), name, null, false, Map.of(), zone);
    }
}
