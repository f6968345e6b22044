package com.vbssharing.sharing;

import com.vbssharing.backup.BackupView;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The JSON of a share. {@code deleted} and {@code deleted_at} are always null: a deleted share is gone, and
 * clients decode {@code deleted} as a string, so it is never a JSON boolean.
 */
public final class ShareView {

    private ShareView() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Plain(String id, String backupId, String fromProjectId, String toProjectId, String createdAt,
                        String updatedAt, String deleted, String deletedAt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record WithBackup(String id, String backupId, String fromProjectId, String toProjectId, String createdAt,
                             String updatedAt, String deleted, String deletedAt, BackupView.Detail backup) {
    }

    public static Plain plain(Share share) {
        return new Plain(share.id(), share.backupId(), share.fromProjectId(), share.toProjectId(),
                share.createdAt(), share.updatedAt(), null, null);
    }

    public static WithBackup withBackup(Share share, BackupView.Detail backup) {
        return new WithBackup(share.id(), share.backupId(), share.fromProjectId(), share.toProjectId(),
                share.createdAt(), share.updatedAt(), null, null, backup);
    }
}
