package com.vbssharing.backup;

import com.vbssharing.api.PageRequest;
import com.vbssharing.api.QueryParameters;
import com.vbssharing.api.SortFields;
import com.vbssharing.api.SortOrder;

import java.util.Optional;
import java.util.function.Predicate;

/** Filters ({@code name}, {@code status}, {@code volume_id}), sort and page of a backup listing. */
public record BackupListQuery(Optional<String> name, Optional<String> status, Optional<String> volumeId,
                              SortOrder sort, PageRequest page) {

    public static final SortFields<Backup> SORT_FIELDS = new SortFields<>(Backup::id)
            .with("id", Backup::id)
            .with("name", Backup::name)
            .with("status", backup -> backup.status().value())
            .with("size", Backup::size)
            .with("created_at", Backup::createdAt)
            .with("updated_at", Backup::updatedAt)
            .with("data_timestamp", Backup::dataTimestamp)
            .with("availability_zone", Backup::availabilityZone)
            .with("volume_id", Backup::volumeId)
            .with("snapshot_id", Backup::snapshotId);

    public static BackupListQuery from(QueryParameters query) {
        return new BackupListQuery(
                query.text("name"),
                query.text("status"),
                query.text("volume_id"),
                SortOrder.parse(query, SORT_FIELDS.names(), true),
                PageRequest.from(query));
    }

    public Predicate<Backup> filter() {
        return backup -> name.map(n -> n.equals(backup.name())).orElse(true)
                && status.map(s -> s.equals(backup.status().value())).orElse(true)
                && volumeId.map(v -> v.equals(backup.volumeId())).orElse(true);
    }
}
