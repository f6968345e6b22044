package com.vbssharing.backup;

import com.vbssharing.contention.ConcurrentChangeException;

import java.util.List;
import java.util.Optional;

/** The port to stored backups. Every read here is strongly consistent. */
public interface BackupRepository {

    /**
     * Stores a new backup. When it names a parent, it is recorded among the parent's dependents in the same
     * write, provided the parent is still there and available.
     *
     * @throws ConcurrentChangeException when the parent changed (nothing was written)
     */
    void insert(Backup backup);

    /**
     * Stores a new backup of a volume, which names no parent yet, as VBS does: incremental on the volume's newest
     * available backup in the project, full when there is none or that one already has
     * {@link BackupService#MAX_DEPENDENTS} dependents. Returns the backup as stored, with its parent.
     *
     * @throws ConcurrentChangeException when the chosen parent changed before the write (nothing was written)
     */
    Backup insertOnNewestAvailable(Backup backup);

    Optional<Backup> find(String projectId, String backupId);

    /** Every backup of a project. */
    List<Backup> listByProject(String projectId);

    /** Makes the changes to the backup in one write; empty when it does not exist. */
    Optional<Backup> update(String projectId, String backupId, BackupChanges changes, String updatedAt);

    /**
     * Deletes the backup in one conditional write when it is deletable and stands alone (no shares, no parent, no
     * dependents); otherwise says why not, writing nothing.
     */
    DeleteOutcome deleteIfAlone(String projectId, String backupId);

    sealed interface DeleteOutcome {
        record Deleted() implements DeleteOutcome { }
        record Missing() implements DeleteOutcome { }
        record NotDeletable(BackupStatus status) implements DeleteOutcome { }
        /** Deletable, but shared or in a chain: {@link #deleteEntangled} must take care of both. */
        record Entangled(Backup backup) implements DeleteOutcome { }
    }

    /**
     * Deletes the backup in one write with every share of it, handing its dependents over to its parent (or making
     * them full when it has none), provided it is still deletable and its shares, parent and dependents are still
     * the ones {@code expected} has.
     *
     * @throws ConcurrentChangeException when any of them changed meanwhile (nothing was written)
     */
    void deleteEntangled(Backup expected);

    /** Moves a {@code creating} backup to its final state; false when it is no longer {@code creating}. */
    boolean completeCreation(Backup backup, BackupCompletion completion);
}
