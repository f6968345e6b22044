package com.vbssharing.support;

import com.vbssharing.api.Pages;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupChanges;
import com.vbssharing.backup.BackupCompletion;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupService;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.contention.ConcurrentChangeException;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareListQuery;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.sharing.SharedBackup;
import com.vbssharing.sharing.UnknownMarkerException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Both storage ports in memory, with the same guarantees as the DynamoDB adapter (each write all or nothing,
 * under one lock), for fast tests of the services' rules. {@link #interfere} runs something just before the
 * next write, as a concurrent request would.
 */
public final class InMemoryStorage implements BackupRepository, ShareRepository {

    private final Map<String, Backup> backups = new LinkedHashMap<>();
    private final Map<String, Share> sharesById = new LinkedHashMap<>();
    private final List<Runnable> interference = new ArrayList<>();
    private boolean interfering;
    private int writes;

    /** Runs {@code change} right before the next write (once); queued changes run one per write, in order. */
    public synchronized void interfere(Runnable change) {
        interference.add(change);
    }

    /** Writes attempted so far, committed or refused. */
    public synchronized int writes() {
        return writes;
    }

    private void beforeWrite() {
        writes++;
        if (interfering || interference.isEmpty()) {
            return;
        }
        interfering = true;
        try {
            interference.remove(0).run();
        } finally {
            interfering = false;
        }
    }

    // --- backups

    @Override
    public synchronized void insert(Backup backup) {
        beforeWrite();
        if (backups.containsKey(key(backup.projectId(), backup.id()))) {
            throw new IllegalStateException("Backup " + backup.id() + " exists");
        }
        if (backup.isIncremental()) {
            Backup parent = backups.get(key(backup.projectId(), backup.parentId()));
            if (parent == null || parent.status() != BackupStatus.AVAILABLE
                    || parent.dependentIds().size() >= BackupService.MAX_DEPENDENTS) {
                throw new ConcurrentChangeException("parent changed");
            }
            put(parent.toBuilder().dependentIds(with(parent.dependentIds(), backup.id())).build());
        }
        put(backup);
    }

    @Override
    public synchronized Optional<Backup> find(String projectId, String backupId) {
        return Optional.ofNullable(backups.get(key(projectId, backupId)));
    }

    @Override
    public synchronized List<Backup> listByProject(String projectId) {
        return backups.values().stream().filter(b -> b.projectId().equals(projectId)).toList();
    }

    @Override
    public synchronized Backup insertOnNewestAvailable(Backup backup) {
        Backup stored = listByProject(backup.projectId()).stream()
                .filter(b -> b.volumeId().equals(backup.volumeId()) && b.status() == BackupStatus.AVAILABLE)
                .max(Comparator.comparing(Backup::createdAt).thenComparing(Backup::id))
                .filter(parent -> parent.dependentIds().size() < BackupService.MAX_DEPENDENTS)
                .map(parent -> backup.toBuilder().parentId(parent.id()).build())
                .orElse(backup);
        insert(stored);
        return stored;
    }

    @Override
    public synchronized Optional<Backup> update(String projectId, String backupId, BackupChanges changes,
                                                String updatedAt) {
        beforeWrite();
        return find(projectId, backupId).map(backup -> {
            Backup changed = changes.applyTo(backup, updatedAt);
            put(changed);
            return changed;
        });
    }

    @Override
    public synchronized DeleteOutcome deleteIfAlone(String projectId, String backupId) {
        beforeWrite();
        Backup backup = backups.get(key(projectId, backupId));
        if (backup == null) {
            return new DeleteOutcome.Missing();
        }
        if (!backup.status().isDeletable()) {
            return new DeleteOutcome.NotDeletable(backup.status());
        }
        if (backup.shareCount() > 0 || backup.isIncremental() || backup.hasDependentBackups()) {
            return new DeleteOutcome.Entangled(backup);
        }
        backups.remove(key(projectId, backupId));
        return new DeleteOutcome.Deleted();
    }

    @Override
    public synchronized void deleteEntangled(Backup expected) {
        List<Share> read = findByBackup(expected.projectId(), expected.id());
        beforeWrite();
        Backup current = backups.get(key(expected.projectId(), expected.id()));
        if (current == null || !current.status().isDeletable() || current.shareCount() != expected.shareCount()
                || !java.util.Objects.equals(current.parentId(), expected.parentId())
                || !current.dependentIds().equals(expected.dependentIds())
                || read.size() != expected.shareCount()
                || read.stream().anyMatch(share -> !share.equals(sharesById.get(share.id())))) {
            throw new ConcurrentChangeException("backup changed");
        }
        read.forEach(share -> sharesById.remove(share.id()));
        if (current.isIncremental()) {
            Backup parent = backups.get(key(current.projectId(), current.parentId()));
            java.util.Set<String> dependents = new java.util.HashSet<>(parent.dependentIds());
            dependents.remove(current.id());
            dependents.addAll(current.dependentIds());
            put(parent.toBuilder().dependentIds(dependents).build());
        }
        for (String id : current.dependentIds()) {
            Backup dependent = backups.get(key(current.projectId(), id));
            put(dependent.toBuilder().parentId(current.parentId()).build());
        }
        backups.remove(key(expected.projectId(), expected.id()));
    }

    @Override
    public synchronized boolean completeCreation(Backup created, BackupCompletion completion) {
        beforeWrite();
        Backup backup = backups.get(key(created.projectId(), created.id()));
        if (backup == null || backup.status() != BackupStatus.CREATING) {
            return false;
        }
        put(backup.toBuilder().status(completion.status()).size(completion.size())
                .objectCount(completion.objectCount()).container(completion.container())
                .failReason(completion.failReason()).updatedAt(completion.updatedAt())
                .dataTimestamp(completion.dataTimestamp()).build());
        return true;
    }

    private void put(Backup backup) {
        backups.put(key(backup.projectId(), backup.id()), backup);
    }

    private static java.util.Set<String> with(java.util.Set<String> ids, String id) {
        java.util.Set<String> more = new java.util.HashSet<>(ids);
        more.add(id);
        return more;
    }

    // --- shares

    @Override
    public synchronized CreateOutcome createAll(String ownerProjectId, String backupId, List<Share> shares,
                                                int maxShares) {
        beforeWrite();
        Backup backup = backups.get(key(ownerProjectId, backupId));
        if (backup == null) {
            return new CreateOutcome.BackupMissing();
        }
        if (!backup.status().isShareable()) {
            return new CreateOutcome.BackupNotAvailable(backup.status().value());
        }
        List<Share> existing = findByBackup(ownerProjectId, backupId);
        for (Share share : shares) {
            if (existing.stream().anyMatch(e -> e.toProjectId().equals(share.toProjectId()))) {
                return new CreateOutcome.AlreadyShared(share.toProjectId());
            }
        }
        if (backup.shareCount() + shares.size() > maxShares) {
            return new CreateOutcome.LimitExceeded(backup.shareCount());
        }
        shares.forEach(share -> sharesById.put(share.id(), share));
        put(backup.toBuilder().shareCount(backup.shareCount() + shares.size()).build());
        return new CreateOutcome.Created();
    }

    @Override
    public synchronized Optional<Share> findById(String shareId) {
        return Optional.ofNullable(sharesById.get(shareId));
    }

    @Override
    public synchronized List<Share> findByBackup(String ownerProjectId, String backupId) {
        return sharesById.values().stream()
                .filter(s -> s.fromProjectId().equals(ownerProjectId) && s.backupId().equals(backupId))
                .toList();
    }

    @Override
    public synchronized void revoke(String ownerProjectId, String backupId, List<Share> shares) {
        beforeWrite();
        Backup backup = backups.get(key(ownerProjectId, backupId));
        if (backup == null || shares.stream().anyMatch(share -> !share.equals(sharesById.get(share.id())))) {
            throw new ConcurrentChangeException("shares changed");
        }
        shares.forEach(share -> sharesById.remove(share.id()));
        put(backup.toBuilder().shareCount(backup.shareCount() - shares.size()).build());
    }

    @Override
    public synchronized List<SharedBackup> page(String callerProjectId, ShareListQuery query, Optional<Share> marker) {
        Comparator<SharedBackup> order = ShareListQuery.SORT_FIELDS.comparator(query.sort());
        Optional<SharedBackup> position = marker.map(share -> new SharedBackup(share,
                find(share.fromProjectId(), share.backupId()).orElseThrow(() -> new UnknownMarkerException(share.id()))));
        return Pages.slice(matching(callerProjectId, query), order, position, query.page().offset(),
                query.page().limit());
    }

    @Override
    public synchronized int count(String callerProjectId, ShareListQuery query) {
        return matching(callerProjectId, query).size();
    }

    private List<SharedBackup> matching(String callerProjectId, ShareListQuery query) {
        return sharesById.values().stream()
                .filter(share -> (query.shareToMe() ? share.toProjectId() : share.fromProjectId()).equals(callerProjectId))
                .filter(query.shareFilter())
                .flatMap(share -> find(share.fromProjectId(), share.backupId()).stream()
                        .filter(query.backupFilter())
                        .map(backup -> new SharedBackup(share, backup)))
                .sorted(ShareListQuery.SORT_FIELDS.comparator(query.sort()))
                .toList();
    }

    private static String key(String projectId, String backupId) {
        return projectId + "/" + backupId;
    }
}
