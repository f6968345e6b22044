package com.vbssharing.backup.worker;

import com.vbssharing.backup.Backup;

/**
 * Copies a backup's data. This service is the control plane: the default engine
 * ({@link ControlPlaneOnlyEngine}) copies nothing. A data plane plugs in here by providing another bean.
 */
public interface BackupDataEngine {

    /** Copies the data of a {@code creating} backup; throwing marks the backup {@code error} with the message. */
    CopyResult copy(Backup backup) throws Exception;

    record CopyResult(long size, long objectCount, String container) {
    }
}
