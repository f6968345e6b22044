package com.vbssharing.sharing;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.ConflictException;
import com.vbssharing.api.ForbiddenException;
import com.vbssharing.api.Ids;
import com.vbssharing.api.NotFoundException;
import com.vbssharing.api.Pages;
import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupRepository.BackupKey;
import com.vbssharing.sharing.ShareRepository.CreateOutcome;
import com.vbssharing.sharing.ShareRepository.Side;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The rules of backup sharing: create, query, count, get and delete shares. */
@Singleton
public class ShareService {

    /** Attempts of a write that a concurrent transaction on the same backup made DynamoDB cancel. */
    private static final int WRITE_ATTEMPTS = 6;
    private static final int MAX_PAGE_SIZE = 1000;

    private final ShareRepository shares;
    private final BackupRepository backups;
    private final Clock clock;

    public ShareService(ShareRepository shares, BackupRepository backups, Clock clock) {
        this.shares = shares;
        this.backups = backups;
        this.clock = clock;
    }

    /** Shares the caller's backup with every target project, all or nothing; answers in request order. */
    public List<Share> create(String callerProjectId, NewShares request) {
        if (!Ids.isUuid(request.backupId())) {
            throw NotFoundException.backup(Ids.abbreviated(request.backupId()));
        }
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            String now = Timestamps.now(clock);
            List<Share> created = request.toProjectIds().stream()
                    .map(to -> new Share(UUID.randomUUID().toString(), request.backupId(), callerProjectId, to, now, now))
                    .toList();
            CreateOutcome outcome = shares.createAll(callerProjectId, request.backupId(), created,
                    NewShares.MAX_PROJECTS_PER_BACKUP);
            if (outcome instanceof CreateOutcome.Created) {
                return created;
            }
            if (outcome instanceof CreateOutcome.BackupMissing) {
                throw NotFoundException.backup(request.backupId());
            }
            if (outcome instanceof CreateOutcome.BackupNotAvailable notAvailable) {
                throw new BadRequestException("Backup " + request.backupId() + " is " + notAvailable.status()
                        + ": only a backup in status available can be shared.");
            }
            if (outcome instanceof CreateOutcome.LimitExceeded limit) {
                throw new BadRequestException("A backup can be shared with at most "
                        + NewShares.MAX_PROJECTS_PER_BACKUP + " projects: backup " + request.backupId()
                        + " is shared with " + limit.existingShares() + " and the request adds " + created.size() + ".");
            }
            if (outcome instanceof CreateOutcome.AlreadyShared shared) {
                throw new ConflictException("Backup " + request.backupId() + " is already shared with project "
                        + shared.toProjectId() + ".");
            }
            backOff(attempt);
        }
        throw new ConflictException("Backup " + request.backupId() + " is being changed by other requests. Retry.");
    }

    public SharedBackup get(String callerProjectId, String shareId) {
        Share share = findById(shareId)
                .filter(s -> s.isVisibleTo(callerProjectId))
                .orElseThrow(() -> NotFoundException.share(Ids.abbreviated(shareId)));
        Backup backup = backups.find(share.fromProjectId(), share.backupId())
                .orElseThrow(() -> NotFoundException.share(shareId));
        return new SharedBackup(share, backup);
    }

    public List<SharedBackup> list(String callerProjectId, ShareListQuery query) {
        Optional<Share> marker = query.page().marker().map(id -> marker(callerProjectId, query.side(), id));
        if (cannotMatch(callerProjectId, query) || query.page().limit() == 0) {
            return List.of();
        }
        if (isOwnersBackupLookup(query) || !query.sortsByCreation()) {
            Comparator<SharedBackup> order = ShareListQuery.SORT_FIELDS.comparator(query.sort());
            List<SharedBackup> sorted = matching(callerProjectId, query).stream().sorted(order).toList();
            Optional<SharedBackup> markerPosition = marker.map(share -> new SharedBackup(share,
                    backups.find(share.fromProjectId(), share.backupId()).orElseThrow(() -> unknownMarker(share.id()))));
            return Pages.slice(sorted, order, markerPosition, query.page().offset(), query.page().limit());
        }
        return pageFromIndex(callerProjectId, query, marker);
    }

    public int count(String callerProjectId, ShareListQuery query) {
        if (cannotMatch(callerProjectId, query)) {
            return 0;
        }
        boolean onlyOwnSideOrBackupFilters = !query.filtersOnBackup()
                && (query.shareToMe() ? query.fromProjectId().isEmpty() : query.toProjectId().isEmpty());
        if (onlyOwnSideOrBackupFilters && !isOwnersBackupLookup(query)) {
            return shares.count(query.side(), callerProjectId, query.backupId());
        }
        return matching(callerProjectId, query).size();
    }

    /** Deletes one share by id, or with {@code byBackupId} every share of a backup. Only the owner may. */
    public void delete(String callerProjectId, String id, boolean byBackupId) {
        if (byBackupId) {
            deleteAllOfBackup(callerProjectId, id);
        } else {
            deleteOne(callerProjectId, id);
        }
    }

    private void deleteOne(String callerProjectId, String shareId) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Share share = findById(shareId)
                    .filter(s -> s.isVisibleTo(callerProjectId))
                    .orElseThrow(() -> NotFoundException.share(Ids.abbreviated(shareId)));
            if (!share.fromProjectId().equals(callerProjectId)) {
                throw new ForbiddenException("Only the project that shared backup " + share.backupId()
                        + " can delete its shares.");
            }
            if (shares.deleteAll(callerProjectId, share.backupId(), List.of(share))) {
                return;
            }
            backOff(attempt);
        }
        throw new ConflictException("Backup share " + shareId + " is being changed by other requests. Retry.");
    }

    /**
     * Shares live in their owner's partition, so finding any proves the caller owns the backup: the common
     * case is one Query and one transaction. Only when there are none is the backup read, to explain why.
     */
    private void deleteAllOfBackup(String callerProjectId, String backupId) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(Ids.abbreviated(backupId));
        }
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            List<Share> all = shares.findByBackup(callerProjectId, backupId);
            if (all.isEmpty()) {
                throw whyNoSharesToDelete(callerProjectId, backupId);
            }
            if (shares.deleteAll(callerProjectId, backupId, all)) {
                return;
            }
            backOff(attempt);
        }
        throw new ConflictException("Backup " + backupId + " is being changed by other requests. Retry.");
    }

    private RuntimeException whyNoSharesToDelete(String callerProjectId, String backupId) {
        if (backups.find(callerProjectId, backupId).isPresent()) {
            return new NotFoundException("Backup " + backupId + " has no shares.");
        }
        if (shares.count(Side.SHARED_WITH, callerProjectId, Optional.of(backupId)) > 0) {
            return new ForbiddenException("Backup " + backupId + " was shared with this project; only the project "
                    + "that shared it can delete its shares.");
        }
        return NotFoundException.backup(backupId);
    }

    /** Revokes the backup's shares with the given projects, all or none; every project must hold one. */
    public void unshare(String callerProjectId, String backupId, List<String> toProjectIds) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(backupId);
        }
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Map<String, Share> byTarget = new java.util.HashMap<>();
            shares.findByBackup(callerProjectId, backupId).forEach(share -> byTarget.put(share.toProjectId(), share));
            List<Share> revoked = new ArrayList<>();
            for (String target : toProjectIds) {
                Share share = byTarget.get(target);
                if (share == null) {
                    throw byTarget.isEmpty() && backups.find(callerProjectId, backupId).isEmpty()
                            ? NotFoundException.backup(backupId)
                            : new NotFoundException("Backup " + backupId + " is not shared with project " + target + ".");
                }
                revoked.add(share);
            }
            if (shares.deleteAll(callerProjectId, backupId, revoked)) {
                return;
            }
            backOff(attempt);
        }
        throw new ConflictException("Backup " + backupId + " is being changed by other requests. Retry.");
    }

    /** A filter naming another project on the caller's side, or a backup id that no backup can have. */
    private static boolean cannotMatch(String callerProjectId, ShareListQuery query) {
        return query.excludesCaller(callerProjectId)
                || query.backupId().filter(id -> !Ids.isUuid(id)).isPresent();
    }

    /** Share ids are UUIDs; anything else cannot exist (and could not even be a DynamoDB key). */
    private Optional<Share> findById(String shareId) {
        return Ids.isUuid(shareId) ? shares.findById(shareId) : Optional.empty();
    }

    private static boolean isOwnersBackupLookup(ShareListQuery query) {
        return !query.shareToMe() && query.backupId().isPresent();
    }

    /**
     * Every share the query matches, with its backup. The owner's lookup by backup is a strongly consistent
     * base-table read (read-your-writes for clients that list right after creating); the rest reads the index.
     */
    private List<SharedBackup> matching(String callerProjectId, ShareListQuery query) {
        List<Share> candidates;
        if (isOwnersBackupLookup(query)) {
            candidates = shares.findByBackup(callerProjectId, query.backupId().get());
        } else {
            candidates = new ArrayList<>();
            ShareRepository.ShareCursor cursor = shares.openIndex(query.side(), callerProjectId, false,
                    Optional.empty(), MAX_PAGE_SIZE);
            while (!cursor.exhausted()) {
                candidates.addAll(cursor.next());
            }
        }
        return withBackups(candidates.stream().filter(query.shareFilter()).toList(), query);
    }

    /**
     * One page in creation order straight from the index, starting after the marker. When nothing else filters,
     * it reads the page's limit shares wherever the page is, and an offset skips shares by counting them.
     */
    private List<SharedBackup> pageFromIndex(String callerProjectId, ShareListQuery query, Optional<Share> marker) {
        int limit = query.page().limit();
        int toSkip = query.page().offset();
        boolean filtered = query.filtersOnBackup() || query.backupId().isPresent()
                || query.fromProjectId().isPresent() || query.toProjectId().isPresent();
        boolean ascending = query.sort().primary().ascending();
        ShareRepository.ShareCursor cursor;
        if (filtered) {
            cursor = shares.openIndex(query.side(), callerProjectId, ascending, marker, MAX_PAGE_SIZE);
        } else {
            cursor = shares.openIndex(query.side(), callerProjectId, ascending, marker, toSkip, Math.max(1, limit));
            toSkip = 0;
        }
        List<SharedBackup> page = new ArrayList<>(limit);
        while (page.size() < limit && !cursor.exhausted()) {
            List<Share> batch = cursor.next().stream().filter(query.shareFilter()).toList();
            if (!query.filtersOnBackup()) {
                int skipNow = Math.min(toSkip, batch.size());
                toSkip -= skipNow;
                batch = batch.subList(skipNow, Math.min(batch.size(), skipNow + limit - page.size()));
            }
            for (SharedBackup match : withBackups(batch, query)) {
                if (toSkip > 0) {
                    toSkip--;
                } else if (page.size() < limit) {
                    page.add(match);
                }
            }
        }
        return page;
    }

    /** Joins each share with its backup (one batched read) and keeps those whose backup matches the filters. */
    private List<SharedBackup> withBackups(List<Share> candidates, ShareListQuery query) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Backup> byId = backups.findAll(candidates.stream()
                .map(share -> new BackupKey(share.fromProjectId(), share.backupId()))
                .toList());
        List<SharedBackup> joined = new ArrayList<>(candidates.size());
        for (Share share : candidates) {
            Backup backup = byId.get(share.backupId());
            if (backup != null && query.backupFilter().test(backup)) {
                joined.add(new SharedBackup(share, backup));
            }
        }
        return joined;
    }

    private Share marker(String callerProjectId, Side side, String markerId) {
        return findById(markerId)
                .filter(share -> (side == Side.SHARED_BY ? share.fromProjectId() : share.toProjectId())
                        .equals(callerProjectId))
                .orElseThrow(() -> unknownMarker(markerId));
    }

    private static BadRequestException unknownMarker(String markerId) {
        return new BadRequestException("Marker " + Ids.abbreviated(markerId) + " could not be found.");
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << Math.min(attempt, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("Interrupted while retrying. Retry the request.");
        }
    }
}
