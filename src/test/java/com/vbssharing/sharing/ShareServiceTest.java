package com.vbssharing.sharing;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.ConflictException;
import com.vbssharing.api.ForbiddenException;
import com.vbssharing.api.NotFoundException;
import com.vbssharing.api.PageRequest;
import com.vbssharing.api.SortOrder;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.contention.ContentionRetry;
import com.vbssharing.support.InMemoryStorage;
import com.vbssharing.support.Tokens;
import com.vbssharing.observability.Counter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sharing rules, on the in-memory storage ports: no DynamoDB, milliseconds per test. */
class ShareServiceTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final Map<Counter, Long> counted = new EnumMap<>(Counter.class);
    private final ShareService service = new ShareService(storage, storage, new ContentionRetry(millis -> { }),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            (counter, amount) -> counted.merge(counter, amount, Long::sum));
    private final String owner = Tokens.newProjectId();
    private final String receiver = Tokens.newProjectId();

    @Test
    void sharingAnAvailableBackupCreatesOneSharePerProjectInRequestOrder() {
        String backup = backup(BackupStatus.AVAILABLE);
        String other = Tokens.newProjectId();
        List<Share> shares = service.create(owner, new NewShares(backup, List.of(receiver, other)));
        assertEquals(List.of(receiver, other), shares.stream().map(Share::toProjectId).toList());
        assertEquals(2, storage.find(owner, backup).orElseThrow().shareCount());
    }

    /** The counts behind the SharesCreated and SharesRevoked metrics: what was written, not what was asked. */
    @Test
    void sharesCreatedAndRevokedAreCountedOnlyWhenWritten() {
        String backup = backup(BackupStatus.AVAILABLE);
        List<String> three = projects(3);
        service.create(owner, new NewShares(backup, three));
        assertThrows(ConflictException.class, () -> service.create(owner, new NewShares(backup, List.of(three.get(0)))));
        assertEquals(Map.of(Counter.SHARES_CREATED, 3L), counted);

        service.unshare(owner, backup, List.of(three.get(0)));
        assertThrows(NotFoundException.class, () -> service.unshare(owner, backup, List.of(three.get(0))));
        service.delete(owner, backup, true);
        assertEquals(Map.of(Counter.SHARES_CREATED, 3L, Counter.SHARES_REVOKED, 3L), counted);
    }

    @Test
    void sharingChecksTheBackupFirstThenUniquenessThenTheLimit() {
        assertThrows(NotFoundException.class, () -> service.create(owner, new NewShares("not-a-uuid", List.of(receiver))));
        assertThrows(NotFoundException.class,
                () -> service.create(owner, new NewShares(UUID.randomUUID().toString(), List.of(receiver))));
        String creating = backup(BackupStatus.CREATING);
        assertThrows(BadRequestException.class, () -> service.create(owner, new NewShares(creating, List.of(receiver))));

        String backup = backup(BackupStatus.AVAILABLE);
        service.create(owner, new NewShares(backup, List.of(receiver)));
        ConflictException again = assertThrows(ConflictException.class,
                () -> service.create(owner, new NewShares(backup, List.of(receiver))));
        assertTrue(again.getMessage().contains("already shared with project " + receiver), again::getMessage);
        BadRequestException limit = assertThrows(BadRequestException.class,
                () -> service.create(owner, new NewShares(backup, projects(10))));
        assertTrue(limit.getMessage().contains("is shared with 1 and the request adds 10"), limit::getMessage);
        assertEquals(1, storage.find(owner, backup).orElseThrow().shareCount(), "refused requests wrote nothing");
    }

    @Test
    void bothSidesSeeAShareAndNobodyElse() {
        Share share = shareOne();
        assertEquals(share, service.get(owner, share.id()).share());
        assertEquals(share, service.get(receiver, share.id()).share());
        assertThrows(NotFoundException.class, () -> service.get(Tokens.newProjectId(), share.id()));
        assertThrows(NotFoundException.class, () -> service.get(owner, "../etc"));
    }

    @Test
    void onlyTheOwnerRevokesAShareById() {
        Share share = shareOne();
        assertThrows(ForbiddenException.class, () -> service.delete(receiver, share.id(), false));
        assertThrows(NotFoundException.class, () -> service.delete(Tokens.newProjectId(), share.id(), false));
        service.delete(owner, share.id(), false);
        assertThrows(NotFoundException.class, () -> service.get(receiver, share.id()));
        assertEquals(0, storage.find(owner, share.backupId()).orElseThrow().shareCount());
    }

    @Test
    void revokingAnOldShareIdNeverRemovesANewerShareOfTheSamePair() {
        Share old = shareOne();
        service.delete(owner, old.id(), false);
        Share newer = service.create(owner, new NewShares(old.backupId(), List.of(receiver))).get(0);

        assertThrows(NotFoundException.class, () -> service.delete(owner, old.id(), false));
        assertEquals(newer, service.get(receiver, newer.id()).share());
        service.delete(owner, newer.id(), false);
    }

    @Test
    void aShareRevokedWhileBeingRevokedByIdIsNotFound() {
        Share share = shareOne();
        storage.interfere(() -> storage.revoke(owner, share.backupId(), List.of(share)));
        assertThrows(NotFoundException.class, () -> service.delete(owner, share.id(), false));
    }

    @Test
    void revokingEveryShareOfABackupReReadsWhenAShareWasReplacedMeanwhile() {
        Share first = shareOne();
        // Between the read and the write, a concurrent request revokes the share and shares again: the revoke
        // of what was read fails as a whole, and the retry reads and revokes the newer share.
        storage.interfere(() -> {
            storage.revoke(owner, first.backupId(), List.of(first));
            storage.createAll(owner, first.backupId(), List.of(new Share(UUID.randomUUID().toString(),
                    first.backupId(), owner, receiver, "t", "t")), 10);
        });
        service.delete(owner, first.backupId(), true);
        assertEquals(List.of(), storage.findByBackup(owner, first.backupId()));
        assertEquals(0, storage.find(owner, first.backupId()).orElseThrow().shareCount());
    }

    @Test
    void aShareMadeWhileEveryShareIsRevokedLandsAfterTheRevoke() {
        Share first = shareOne();
        String third = Tokens.newProjectId();
        storage.interfere(() -> storage.createAll(owner, first.backupId(), List.of(new Share(
                UUID.randomUUID().toString(), first.backupId(), owner, third, "t", "t")), 10));
        service.delete(owner, first.backupId(), true);
        assertEquals(List.of(third), storage.findByBackup(owner, first.backupId()).stream()
                .map(Share::toProjectId).toList());
        assertEquals(1, storage.find(owner, first.backupId()).orElseThrow().shareCount());
    }

    @Test
    void revokingEveryShareExplainsWhyThereIsNothingToRevoke() {
        String backup = backup(BackupStatus.AVAILABLE);
        NotFoundException none = assertThrows(NotFoundException.class, () -> service.delete(owner, backup, true));
        assertTrue(none.getMessage().contains("has no shares"), none::getMessage);
        Share share = shareOne();
        assertThrows(ForbiddenException.class, () -> service.delete(receiver, share.backupId(), true));
        assertThrows(NotFoundException.class, () -> service.delete(owner, UUID.randomUUID().toString(), true));
    }

    @Test
    void unsharingNamedProjectsIsAllOrNothing() {
        String backup = backup(BackupStatus.AVAILABLE);
        String other = Tokens.newProjectId();
        service.create(owner, new NewShares(backup, List.of(receiver, other)));
        assertThrows(NotFoundException.class,
                () -> service.unshare(owner, backup, List.of(receiver, Tokens.newProjectId())));
        assertEquals(2, storage.findByBackup(owner, backup).size());
        service.unshare(owner, backup, List.of(receiver));
        assertEquals(List.of(other), storage.findByBackup(owner, backup).stream().map(Share::toProjectId).toList());
    }

    @Test
    void writesThatKeepLosingRacesEndIn409AfterTheRetryBudget() {
        Share share = shareOne();
        for (int i = 0; i < ContentionRetry.ATTEMPTS; i++) {
            // Each attempt finds the share replaced by the time it writes.
            storage.interfere(() -> {
                Share current = storage.findByBackup(owner, share.backupId()).get(0);
                storage.revoke(owner, share.backupId(), List.of(current));
                storage.createAll(owner, share.backupId(), List.of(new Share(UUID.randomUUID().toString(),
                        share.backupId(), owner, receiver, "t", "t")), 10);
            });
        }
        int before = storage.writes();
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> service.delete(owner, share.backupId(), true));
        assertTrue(conflict.getMessage().endsWith("Retry."), conflict::getMessage);
        assertEquals(ContentionRetry.ATTEMPTS * 3, storage.writes() - before, "each attempt: its write and two rivals");
    }

    @Test
    void listingsAreOnTheCallersSideAndAMarkerMustBeOnItToo() {
        Share share = shareOne();
        assertEquals(List.of(share), shares(service.list(owner, query(false, Optional.empty(), 10))));
        assertEquals(List.of(share), shares(service.list(receiver, query(true, Optional.empty(), 10))));
        assertEquals(List.of(), service.list(receiver, query(false, Optional.empty(), 10)));
        assertThrows(BadRequestException.class, () -> service.list(receiver, query(false, Optional.of(share.id()), 10)));
        assertEquals(List.of(), service.list(owner, query(false, Optional.empty(), 0)));
        assertEquals(1, service.count(receiver, ShareListQuery.sharedWithMe()));
    }

    private Share shareOne() {
        return service.create(owner, new NewShares(backup(BackupStatus.AVAILABLE), List.of(receiver))).get(0);
    }

    private String backup(BackupStatus status) {
        String at = "2026-01-01T00:00:00.000000";
        Backup backup = Backup.builder().id(UUID.randomUUID().toString()).projectId(owner).name("b").status(status)
                .size(1).availabilityZone("az1").volumeId(UUID.randomUUID().toString())
                .snapshotId(UUID.randomUUID().toString()).createdAt(at).updatedAt(at).dataTimestamp(at).build();
        storage.insert(backup);
        return backup.id();
    }

    private static List<String> projects(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> Tokens.newProjectId()).toList();
    }

    private static ShareListQuery query(boolean shareToMe, Optional<String> marker, int limit) {
        return new ShareListQuery(shareToMe, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), SortOrder.byDefault(),
                new PageRequest(limit, 0, marker));
    }

    private static List<Share> shares(List<SharedBackup> page) {
        return page.stream().map(SharedBackup::share).toList();
    }
}
