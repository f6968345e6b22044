package com.vbssharing.sharing;

import java.util.List;
import java.util.Optional;

/** Storage of shares. Reads by id and by backup are strongly consistent; index reads may lag (data-model.md). */
public interface ShareRepository {

    /** Which side of a share a listing is keyed by. */
    enum Side { SHARED_BY, SHARED_WITH }

    /**
     * Creates all shares of one backup in one transaction that also raises the backup's share count, or none.
     * Fails, writing nothing, when the backup is missing or not available, when the count would pass
     * {@code maxShares}, or when a target already holds a share of the backup.
     */
    CreateOutcome createAll(String ownerProjectId, String backupId, List<Share> shares, int maxShares);

    sealed interface CreateOutcome {
        record Created() implements CreateOutcome { }
        record BackupMissing() implements CreateOutcome { }
        record BackupNotAvailable(String status) implements CreateOutcome { }
        record LimitExceeded(int existingShares) implements CreateOutcome { }
        record AlreadyShared(String toProjectId) implements CreateOutcome { }
        /** A concurrent transaction touched the same items; nothing was written and a retry may succeed. */
        record Contention() implements CreateOutcome { }
    }

    Optional<Share> findById(String shareId);

    /** Every share of a backup (at most {@code maxShares}); strongly consistent. */
    List<Share> findByBackup(String ownerProjectId, String backupId);

    /** Deletes the shares (all of one backup) and lowers the backup's share count; false when they changed. */
    boolean deleteAll(String ownerProjectId, String backupId, List<Share> shares);

    /** Reads a project's shares from one side's index, in creation order, one DynamoDB page at a time. */
    default ShareCursor openIndex(Side side, String projectId, boolean ascending, Optional<Share> after, int pageSize) {
        return openIndex(side, projectId, ascending, after, 0, pageSize);
    }

    /** As above, first skipping {@code skip} shares (an offset) without fetching any of their attributes. */
    ShareCursor openIndex(Side side, String projectId, boolean ascending, Optional<Share> after, int skip, int pageSize);

    /** Counts a project's shares on one side, optionally of one backup, without reading their attributes. */
    int count(Side side, String projectId, Optional<String> backupId);

    interface ShareCursor {
        /** The next page; empty once the index is exhausted. */
        List<Share> next();

        boolean exhausted();
    }
}
