package com.vbssharing.backup.internal;

import com.vbssharing.backup.Backup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/** Benchmark seeding only: the items the repository writes for these backups. */
public final class BulkBackups {

    private BulkBackups() {
    }

    public static List<Map<String, AttributeValue>> items(List<Backup> backups) {
        return backups.stream().map(BackupItems::toItem).toList();
    }
}
