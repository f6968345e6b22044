package com.vbssharing.backup;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.PageRequest;
import com.vbssharing.api.QueryParameters;
import com.vbssharing.api.SortFields;
import com.vbssharing.api.SortOrder;
import com.vbssharing.versions.ApiVersion;
import com.vbssharing.versions.BackupFeature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Filters, sort, page and count of a backup listing. The filters are Cinder's for backups: {@code name},
 * {@code status} and {@code volume_id} match exactly; from 3.34 {@code name~}, {@code status~} and
 * {@code volume_id~} match a part of the value, ignoring case. From 3.31 a parameter that is neither one of them
 * nor paging, sorting or counting is a 400, as in Cinder. From 3.45 {@code with_count} asks for {@code count}.
 */
public record BackupListQuery(Map<String, String> exact, Map<String, String> like, SortOrder sort, PageRequest page,
                              boolean withCount) {

    /** The filterable attributes, as {@code resource_filters} lists them. */
    public static final Map<String, Function<Backup, String>> FILTERS = Map.of(
            "name", Backup::name,
            "status", backup -> backup.status().value(),
            "volume_id", Backup::volumeId);

    /** Cinder's sort keys for backups; {@code display_name} and {@code display_description} are its column names. */
    public static final SortFields<Backup> SORT_FIELDS = new SortFields<>(Backup::id)
            .with("id", Backup::id)
            .with("name", Backup::name)
            .with("display_name", Backup::name)
            .with("description", Backup::description)
            .with("display_description", Backup::description)
            .with("status", backup -> backup.status().value())
            .with("size", Backup::size)
            .with("object_count", Backup::objectCount)
            .with("created_at", Backup::createdAt)
            .with("updated_at", Backup::updatedAt)
            .with("data_timestamp", Backup::dataTimestamp)
            .with("availability_zone", Backup::availabilityZone)
            .with("container", Backup::container)
            .with("fail_reason", Backup::failReason)
            .with("volume_id", Backup::volumeId)
            .with("snapshot_id", Backup::snapshotId)
            .with("user_id", Backup::userId);

    /** Paging, sorting and counting: never filters. {@code all_tenants} is an admin's; here it is ignored. */
    private static final Set<String> CONTROLS = Set.of("limit", "offset", "marker", "sort", "sort_key", "sort_dir",
            "with_count", "all_tenants");

    public static BackupListQuery from(QueryParameters query, ApiVersion version) {
        Map<String, String> exact = new java.util.LinkedHashMap<>();
        Map<String, String> like = new java.util.LinkedHashMap<>();
        Set<String> invalid = new TreeSet<>();
        for (String name : query.raw().names()) {
            if (CONTROLS.contains(name)) {
                continue;
            }
            boolean isLike = name.endsWith("~") && version.supports(BackupFeature.LIKE_FILTERS);
            String attribute = isLike ? name.substring(0, name.length() - 1) : name;
            if (FILTERS.containsKey(attribute)) {
                query.text(name).ifPresent(value -> (isLike ? like : exact).put(attribute, value));
            } else {
                invalid.add(name);
            }
        }
        if (!invalid.isEmpty() && version.supports(BackupFeature.GENERIC_FILTERS)) {
            throw new BadRequestException("Invalid filters " + String.join(",", abbreviated(invalid))
                    + " are found in query options.");
        }
        boolean withCount = version.supports(BackupFeature.COUNT) && query.has("with_count")
                && query.strictBool("with_count");
        if (query.has("with_count") && !version.supports(BackupFeature.COUNT)
                && version.supports(BackupFeature.GENERIC_FILTERS)) {
            throw new BadRequestException("Invalid filters with_count are found in query options.");
        }
        return new BackupListQuery(Map.copyOf(exact), Map.copyOf(like), SortOrder.parse(query, SORT_FIELDS.names(), true),
                PageRequest.from(query), withCount);
    }

    public Predicate<Backup> filter() {
        return backup -> exact.entrySet().stream()
                        .allMatch(f -> f.getValue().equals(FILTERS.get(f.getKey()).apply(backup)))
                && like.entrySet().stream().allMatch(f -> {
                    String value = FILTERS.get(f.getKey()).apply(backup);
                    return value != null && value.toLowerCase(Locale.ROOT).contains(f.getValue().toLowerCase(Locale.ROOT));
                });
    }

    private static List<String> abbreviated(Set<String> names) {
        List<String> cut = new ArrayList<>();
        for (String name : names) {
            cut.add(name.length() <= 64 ? name : name.substring(0, 64) + "...");
            if (cut.size() == 10) {
                break;
            }
        }
        return cut;
    }
}
