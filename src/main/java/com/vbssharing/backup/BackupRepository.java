package com.vbssharing.backup;

import com.vbssharing.contention.ConcurrentChangeException;

import java.util.List;
import java.util.Optional;

/** The port to stored backups. Every read here is strongly consistent. */
public interface BackupRepository {

    /** Stores a new backup; it must not exist yet. */
    void insert(Backup backup);

    Optional<Backup> find(String projectId, String backupId);

    /** Every backup of a project. */
    List<Backup> listByProject(String projectId);

    /**
     * Deletes the backup in one conditional write when it is deletable and shared with nobody; otherwise says
     * why not, writing nothing.
     */
    DeleteOutcome deleteIfUnshared(String projectId, String backupId);

    sealed interface DeleteOutcome {
        record Deleted() implements DeleteOutcome { }
        record Missing() implements DeleteOutcome { }
        record NotDeletable(BackupStatus status) implements DeleteOutcome { }
        /** Deletable but shared: {@link #deleteWithShares} must remove the shares with it. */
        record Shared(Backup backup) implements DeleteOutcome { }
    }

    /**
     * Deletes the backup and every share of it in one transaction, provided the backup is still deletable and
     * its shares are still exactly {@code expected.shareCount()} shares, each as read.
     *
     * @throws ConcurrentChangeException when the backup or its shares changed meanwhile (nothing was written)
     */
    void deleteWithShares(Backup expected);

    /** Moves a {@code creating} backup to its final state; false when it is no longer {@code creating}. */
    boolean completeCreation(String projectId, String backupId, BackupCompletion completion);
}
