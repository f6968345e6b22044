package com.vbssharing.backup;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.Ids;
import com.vbssharing.api.NotFoundException;
import com.vbssharing.api.Pages;
import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.BackupRepository.DeleteOutcome;
import com.vbssharing.contention.ContentionRetry;
import com.vbssharing.observability.Activity;
import com.vbssharing.observability.Counter;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** The rules of the v3 backups API. */
@Singleton
public class BackupService {

    /**
     * A backup takes at most this many dependents; a later backup of the volume is then full. It bounds the one
     * transaction that deletes a backup and hands its dependents over (docs/data-model.md).
     */
    public static final int MAX_DEPENDENTS = 40;

    private final BackupRepository backups;
    private final BackupConfiguration configuration;
    private final ContentionRetry retry;
    private final Clock clock;
    private final Activity activity;

    public BackupService(BackupRepository backups, BackupConfiguration configuration, ContentionRetry retry,
                         Clock clock, Activity activity) {
        this.activity = activity;
        this.backups = backups;
        this.configuration = configuration;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Records a new backup as {@code creating}; the backup worker completes it from the table's stream. As VBS
     * does, whatever the request says: the volume's first backup is full, and a backup of a volume that has an
     * available backup in the project is incremental on the newest one.
     */
    public Backup create(String projectId, String userId, NewBackup request) {
        String zone = configuration.getAvailabilityZone();
        if (request.availabilityZone() != null && !request.availabilityZone().equals(zone)) {
            throw new BadRequestException("Availability zone '" + abbreviated(request.availabilityZone())
                    + "' is not offered: this deployment offers " + zone + ".");
        }
        return retry.run("Volume " + request.volumeId(), () -> {
            String now = Timestamps.now(clock);
            Backup backup = Backup.builder()
                    .id(UUID.randomUUID().toString())
                    .projectId(projectId)
                    .userId(userId)
                    .name(request.name())
                    .description(request.description())
                    .status(BackupStatus.CREATING)
                    .availabilityZone(zone)
                    .volumeId(request.volumeId())
                    .snapshotId(request.snapshotId())
                    .metadata(request.metadata())
                    .force(request.force())
                    .createdAt(now)
                    .updatedAt(now)
                    .build();
            return backups.insertOnNewestAvailable(backup);
        });
    }

    /** Every backup id is a UUID; anything else cannot exist (and could not even be a DynamoDB key). */
    public Backup get(String projectId, String backupId) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(Ids.abbreviated(backupId));
        }
        return backups.find(projectId, backupId).orElseThrow(() -> NotFoundException.backup(backupId));
    }

    /** Changes name, description or metadata; any status, as in Cinder. */
    public Backup update(String projectId, String backupId, BackupChanges changes) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(Ids.abbreviated(backupId));
        }
        return backups.update(projectId, backupId, changes, Timestamps.now(clock))
                .orElseThrow(() -> NotFoundException.backup(backupId));
    }

    /** One page; with {@code with_count}, also how many backups match, counted on the same read. */
    public BackupPage list(String projectId, BackupListQuery query) {
        List<Backup> all = backups.listByProject(projectId);
        Comparator<Backup> order = BackupListQuery.SORT_FIELDS.comparator(query.sort());
        Optional<Backup> marker = query.page().marker().map(id -> all.stream()
                .filter(backup -> backup.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new BadRequestException("Marker " + Ids.abbreviated(id) + " could not be found.")));
        List<Backup> matching = all.stream().filter(query.filter()).sorted(order).toList();
        List<Backup> page = Pages.slice(matching, order, marker, query.page().offset(), query.page().limit());
        return new BackupPage(page, query.withCount() ? OptionalInt.of(matching.size()) : OptionalInt.empty());
    }

    /**
     * Deletes the backup with all its shares, handing its dependents over to its parent, in one transaction. The
     * common case, a backup standing alone, is one conditional delete. A share or dependent created or removed at
     * the same moment makes the transaction's condition fail; then the backup is read again and the delete
     * retried.
     */
    public void delete(String projectId, String backupId) {
        if (!Ids.isUuid(backupId)) {
            throw NotFoundException.backup(Ids.abbreviated(backupId));
        }
        retry.run("Backup " + backupId, () -> deleteOnce(projectId, backupId));
    }

    private void deleteOnce(String projectId, String backupId) {
        DeleteOutcome outcome = backups.deleteIfAlone(projectId, backupId);
        if (outcome instanceof DeleteOutcome.Missing) {
            throw NotFoundException.backup(backupId);
        }
        if (outcome instanceof DeleteOutcome.NotDeletable notDeletable) {
            throw new BadRequestException("Backup " + backupId + " is " + notDeletable.status().value()
                    + ": only a backup in status available or error can be deleted.");
        }
        if (outcome instanceof DeleteOutcome.Entangled entangled) {
            backups.deleteEntangled(entangled.backup());
            // Its shares went with it, in the same transaction.
            activity.count(Counter.SHARES_REVOKED, entangled.backup().shareCount());
        }
    }

    private static String abbreviated(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
