package com.vbssharing.backup.worker;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recognises, in a stream record's new image, a backup that was just inserted in status {@code creating}.
 * Works on both record models (the Lambda event's and the SDK's) through an attribute reader.
 */
final class NewBackupRecords {

    record NewBackupKey(String projectId, String backupId) {
    }

    private NewBackupRecords() {
    }

    static <V> Optional<NewBackupKey> newBackup(String eventName, Map<String, V> newImage, Function<V, String> asString) {
        if (!"INSERT".equals(eventName) || newImage == null) {
            return Optional.empty();
        }
        String entity = value(newImage, "entity", asString);
        String status = value(newImage, "status", asString);
        if (!"backup".equals(entity) || !"creating".equals(status)) {
            return Optional.empty();
        }
        return Optional.of(new NewBackupKey(value(newImage, "project_id", asString), value(newImage, "id", asString)));
    }

    private static <V> String value(Map<String, V> image, String name, Function<V, String> asString) {
        V value = image.get(name);
        return value == null ? null : asString.apply(value);
    }
}
