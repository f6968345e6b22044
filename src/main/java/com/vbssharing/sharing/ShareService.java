package com.vbssharing.sharing;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.ConflictException;
import com.vbssharing.api.ForbiddenException;
import com.vbssharing.api.Ids;
import com.vbssharing.api.NotFoundException;
import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.contention.ContentionRetry;
import com.vbssharing.observability.Activity;
import com.vbssharing.observability.Counter;
import com.vbssharing.sharing.ShareRepository.CreateOutcome;
import com.vbssharing.sharing.ShareRepository.Side;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The rules of backup sharing: create, query, count, get and delete shares. */
@Singleton
public class ShareService {

    private final ShareRepository shares;
    private final BackupRepository backups;
    private final ContentionRetry retry;
    private final Clock clock;
    private final Activity activity;

    public ShareService(ShareRepository shares, BackupRepository backups, ContentionRetry retry, Clock clock,
                        Activity activity) {
        this.activity = activity;
        this.shares = shares;
        this.backups = backups;
        this.retry = retry;
        this.clock = clock;
    }

    /** Shares the caller's backup with every target project, all or nothing; answers in request order. */
    public List<Share> create(String callerProjectId, NewShares request) {
        if (!Ids.isUuid(request.backupId())) {
            throw NotFoundException.backup(Ids.abbreviated(request.backupId()));
        }
        List<Share> created = retry.run("Backup " + request.backupId(), () -> createOnce(callerProjectId, request));
        activity.count(Counter.SHARES_CREATED, created.size());
        return created;
    }

    private List<Share> createOnce(String callerProjectId, NewShares request) {
        String now = Timestamps.now(clock);
        List<Share> created = request.toProjectIds().stream()
                .map(to -> new Share(UUID.randomUUID().toString(), request.backupId(), callerProjectId, to, now, now))
                .toList();
        CreateOutcome outcome = shares.createAll(callerProjectId, request.backupId(), created,
                NewShares.MAX_PROJECTS_PER_BACKUP);
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
        return created;
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
        return shares.page(callerProjectId, query, marker);
    }

    public int count(String callerProjectId, ShareListQuery query) {
        return cannotMatch(callerProjectId, query) ? 0 : shares.count(callerProjectId, query);
    }

    /** Deletes one share by id, or with {@code byBackupId} every share of a backup. Only the owner may. */
    public void delete(String callerProjectId, String id, boolean byBackupId) {
        if (byBackupId) {
            deleteAllOfBackup(callerProjectId, id);
        } else {
            retry.run("Backup share " + Ids.abbreviated(id), () -> deleteOne(callerProjectId, id));
        }
    }

    /** Revokes exactly the share with this id: a newer share of the same backup and project is another share. */
    private void deleteOne(String callerProjectId, String shareId) {
        Share share = findById(shareId)
                .filter(s -> s.isVisibleTo(callerProjectId))
                .orElseThrow(() -> NotFoundException.share(Ids.abbreviated(shareId)));
        if (!share.fromProjectId().equals(callerProjectId)) {
            throw new ForbiddenException("Only the project that shared backup " + share.backupId()
                    + " can delete its shares.");
        }
        shares.revoke(callerProjectId, share.backupId(), List.of(share));
        activity.count(Counter.SHARES_REVOKED, 1);
    }

    /**
     * Shares live in their owner's partition, so finding any proves the caller owns the backup: the common
     * case is one Query and one transaction. Only when there are none is the backup read, to explain why.
     */
    private void deleteAllOfBackup(String callerProjectId, String backupId) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(Ids.abbreviated(backupId));
        }
        retry.run("Backup " + backupId, () -> {
            List<Share> all = shares.findByBackup(callerProjectId, backupId);
            if (all.isEmpty()) {
                throw whyNoSharesToDelete(callerProjectId, backupId);
            }
            shares.revoke(callerProjectId, backupId, all);
            activity.count(Counter.SHARES_REVOKED, all.size());
        });
    }

    private RuntimeException whyNoSharesToDelete(String callerProjectId, String backupId) {
        if (backups.find(callerProjectId, backupId).isPresent()) {
            return new NotFoundException("Backup " + backupId + " has no shares.");
        }
        if (shares.count(callerProjectId, ShareListQuery.sharedWithMe(backupId)) > 0) {
            return new ForbiddenException("Backup " + backupId + " was shared with this project; only the project "
                    + "that shared it can delete its shares.");
        }
        return NotFoundException.backup(backupId);
    }

    /** Revokes the backup's shares with the given projects, all or none; every project must hold one. */
    public void unshare(String callerProjectId, String backupId, List<String> toProjectIds) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(Ids.abbreviated(backupId));
        }
        retry.run("Backup " + backupId, () -> {
            Map<String, Share> byTarget = new HashMap<>();
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
            shares.revoke(callerProjectId, backupId, revoked);
            activity.count(Counter.SHARES_REVOKED, revoked.size());
        });
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

    /** A marker must be a share on the caller's side of the listing. */
    private Share marker(String callerProjectId, Side side, String markerId) {
        return findById(markerId)
                .filter(share -> (side == Side.SHARED_BY ? share.fromProjectId() : share.toProjectId())
                        .equals(callerProjectId))
                .orElseThrow(() -> new UnknownMarkerException(markerId));
    }
}
