package com.vbssharing.sharing;

import com.vbssharing.contention.ConcurrentChangeException;

import java.util.List;
import java.util.Optional;

/**
 * The port to stored shares. The rules (who may see, share and revoke what) are the service's; how a query is
 * answered (which index, from which key, what is counted rather than read, how backups are joined) is the
 * implementation's. Reads by id and by backup are strongly consistent; see docs/data-model.md for the others.
 */
public interface ShareRepository {

    /** Which side of a share a listing is keyed by. */
    enum Side { SHARED_BY, SHARED_WITH }

    /**
     * Creates all shares of one backup in one write that also raises the backup's share count, or none.
     * Fails, writing nothing, when the backup is missing or not shareable, when the count would pass
     * {@code maxShares}, or when a target already holds a share of the backup.
     *
     * @throws ConcurrentChangeException when a concurrent write collided with this one
     */
    CreateOutcome createAll(String ownerProjectId, String backupId, List<Share> shares, int maxShares);

    sealed interface CreateOutcome {
        record Created() implements CreateOutcome { }
        record BackupMissing() implements CreateOutcome { }
        record BackupNotAvailable(String status) implements CreateOutcome { }
        record LimitExceeded(int existingShares) implements CreateOutcome { }
        record AlreadyShared(String toProjectId) implements CreateOutcome { }
    }

    Optional<Share> findById(String shareId);

    /** Every share of a backup (at most the sharing limit); strongly consistent. */
    List<Share> findByBackup(String ownerProjectId, String backupId);

    /**
     * Revokes exactly these shares of one backup (each still the share with its id) and lowers the backup's
     * share count, in one write.
     *
     * @throws ConcurrentChangeException when any of them is no longer there as read (nothing was written)
     */
    void revoke(String ownerProjectId, String backupId, List<Share> shares);

    /**
     * One page of the shares on the caller's side that match the query, each with its backup, in the query's
     * order, after {@code marker} (a share on the caller's side) and the query's offset.
     */
    List<SharedBackup> page(String callerProjectId, ShareListQuery query, Optional<Share> marker);

    /** How many shares on the caller's side match the query, ignoring its paging. */
    int count(String callerProjectId, ShareListQuery query);
}
