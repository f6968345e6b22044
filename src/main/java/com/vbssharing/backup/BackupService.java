package com.vbssharing.backup;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.Ids;
import com.vbssharing.api.NotFoundException;
import com.vbssharing.api.Pages;
import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.BackupRepository.DeleteOutcome;
import com.vbssharing.contention.ContentionRetry;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rules of the v3 backups API. */
@Singleton
public class BackupService {

    private final BackupRepository backups;
    private final BackupConfiguration configuration;
    private final ContentionRetry retry;
    private final Clock clock;

    public BackupService(BackupRepository backups, BackupConfiguration configuration, ContentionRetry retry,
                         Clock clock) {
        this.backups = backups;
        this.configuration = configuration;
        this.retry = retry;
        this.clock = clock;
    }

    /** Records a new backup as {@code creating}; the backup worker completes it from the table's stream. */
    public Backup create(String projectId, NewBackup request) {
        String now = Timestamps.now(clock);
        Backup backup = new Backup(UUID.randomUUID().toString(), projectId, request.name(), request.description(),
                BackupStatus.CREATING, 0, 0, configuration.getAvailabilityZone(), null, request.volumeId(),
                request.snapshotId(), null, false, false, null, now, now, null, 0);
        backups.insert(backup);
        return backup;
    }

    /** Every backup id is a UUID; anything else cannot exist (and could not even be a DynamoDB key). */
    public Backup get(String projectId, String backupId) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(Ids.abbreviated(backupId));
        }
        return backups.find(projectId, backupId).orElseThrow(() -> NotFoundException.backup(backupId));
    }

    public List<Backup> list(String projectId, BackupListQuery query) {
        List<Backup> all = backups.listByProject(projectId);
        Comparator<Backup> order = BackupListQuery.SORT_FIELDS.comparator(query.sort());
        Optional<Backup> marker = query.page().marker().map(id -> all.stream()
                .filter(backup -> backup.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new BadRequestException("Marker " + id + " could not be found.")));
        List<Backup> matching = all.stream().filter(query.filter()).sorted(order).toList();
        return Pages.slice(matching, order, marker, query.page().offset(), query.page().limit());
    }

    /**
     * Deletes the backup, and all its shares in the same transaction. The common case, a backup shared with
     * nobody, is one conditional delete. A share created or removed at the same moment makes the transaction's
     * condition fail; then the backup is read again and the delete retried.
     */
    public void delete(String projectId, String backupId) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(Ids.abbreviated(backupId));
        }
        retry.run("Backup " + backupId, () -> deleteOnce(projectId, backupId));
    }

    private void deleteOnce(String projectId, String backupId) {
        DeleteOutcome outcome = backups.deleteIfUnshared(projectId, backupId);
        if (outcome instanceof DeleteOutcome.Missing) {
            throw NotFoundException.backup(backupId);
        }
        if (outcome instanceof DeleteOutcome.NotDeletable notDeletable) {
            throw new BadRequestException("Backup " + backupId + " is " + notDeletable.status().value()
                    + ": only a backup in status available or error can be deleted.");
        }
        if (outcome instanceof DeleteOutcome.Shared shared) {
            backups.deleteWithShares(shared.backup());
        }
    }
}
