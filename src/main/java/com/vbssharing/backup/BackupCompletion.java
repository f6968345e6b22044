package com.vbssharing.backup;

/** How a backup's creation ended: {@code available} with its size, or {@code error} with the reason. */
public record BackupCompletion(BackupStatus status, long size, long objectCount, String container,
                               String dataTimestamp, String failReason, String updatedAt) {
}
