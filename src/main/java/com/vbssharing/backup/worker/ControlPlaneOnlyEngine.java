package com.vbssharing.backup.worker;

import com.vbssharing.backup.Backup;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** The default engine: no data is copied, so the backup completes at once with size 0. */
@Singleton
@Secondary
public class ControlPlaneOnlyEngine implements BackupDataEngine {

    @Override
    public CopyResult copy(Backup backup) {
        return new CopyResult(0, 0, null);
    }
}
