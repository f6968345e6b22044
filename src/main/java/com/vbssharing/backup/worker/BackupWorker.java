package com.vbssharing.backup.worker;

import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupCompletion;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.storage.TableChange;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Completes new backups: {@code creating} becomes {@code available} once the data engine has copied the data,
 * or {@code error} with the engine's reason. Idempotent: a stream delivers records at least once, and a backup
 * that is no longer {@code creating} is left alone.
 */
@Singleton
public class BackupWorker {

    private static final Logger LOG = LoggerFactory.getLogger(BackupWorker.class);

    private final BackupRepository backups;
    private final BackupDataEngine engine;
    private final Clock clock;

    public BackupWorker(BackupRepository backups, BackupDataEngine engine, Clock clock) {
        this.backups = backups;
        this.engine = engine;
        this.clock = clock;
    }

    /** Completes the backup when the change is one just inserted in status {@code creating}; ignores the rest. */
    public void onChange(TableChange change) {
        if (change instanceof TableChange.BackupChange backup && change.kind() == TableChange.Kind.INSERT
                && backup.latest().status() == BackupStatus.CREATING) {
            complete(backup.latest().projectId(), backup.latest().id());
        }
    }

    public void complete(String projectId, String backupId) {
        Backup backup = backups.find(projectId, backupId).orElse(null);
        if (backup == null || backup.status() != BackupStatus.CREATING) {
            return;
        }
        BackupCompletion completion;
        try {
            BackupDataEngine.CopyResult copy = engine.copy(backup);
            String now = Timestamps.now(clock);
            completion = new BackupCompletion(BackupStatus.AVAILABLE, copy.size(), copy.objectCount(),
                    copy.container(), now, null, now);
        } catch (Exception e) {
            LOG.warn("Backup {} of project {} failed", backupId, projectId, e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            completion = new BackupCompletion(BackupStatus.ERROR, 0, 0, null, null, reason, Timestamps.now(clock));
        }
        backups.completeCreation(backup, completion);
    }
}
