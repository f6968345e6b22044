package com.vbssharing.sharing;

import com.vbssharing.api.PageRequest;
import com.vbssharing.api.QueryParameters;
import com.vbssharing.api.SortFields;
import com.vbssharing.api.SortOrder;
import com.vbssharing.backup.Backup;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The side ({@code share_to_me}), filters, sort and page of a share query. Filters combine with AND.
 * {@code avalilability_zone} is the spec page's spelling and is accepted beside {@code availability_zone}.
 */
public record ShareListQuery(boolean shareToMe, Optional<String> backupId, Optional<String> volumeId,
                             Optional<String> name, Optional<String> status, Optional<String> fromProjectId,
                             Optional<String> toProjectId, Optional<String> availabilityZone,
                             SortOrder sort, PageRequest page) {

    /** {@code container_format} and {@code disk_format} are in the spec, but backups have neither: they order by id. */
    public static final SortFields<SharedBackup> SORT_FIELDS = new SortFields<SharedBackup>(s -> s.share().id())
            .with("name", s -> s.backup().name())
            .with("status", s -> s.backup().status().value())
            .with("size", s -> s.backup().size())
            .with("id", s -> s.share().id())
            .with("created_at", s -> s.share().createdAt())
            .with("updated_at", s -> s.share().updatedAt())
            .with("container_format", s -> s.share().id())
            .with("disk_format", s -> s.share().id());

    public static ShareListQuery from(QueryParameters query) {
        Optional<String> zone = query.text("availability_zone").or(() -> query.text("avalilability_zone"));
        return new ShareListQuery(
                query.bool("share_to_me"),
                query.text("backup_id"),
                query.text("volume_id"),
                query.text("name"),
                query.text("status"),
                query.text("from_project_id"),
                query.text("to_project_id"),
                zone,
                SortOrder.parse(query, SORT_FIELDS.names(), false),
                PageRequest.from(query));
    }

    /** Every share the caller made, in the default order. */
    public static ShareListQuery sharedByMe() {
        return ofSide(false, Optional.empty());
    }

    /** Every share made with the caller, in the default order. */
    public static ShareListQuery sharedWithMe() {
        return ofSide(true, Optional.empty());
    }

    /** Every share of one backup made with the caller: "was it shared with me?". */
    public static ShareListQuery sharedWithMe(String backupId) {
        return ofSide(true, Optional.of(backupId));
    }

    private static ShareListQuery ofSide(boolean shareToMe, Optional<String> backupId) {
        return new ShareListQuery(shareToMe, backupId, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), SortOrder.byDefault(),
                new PageRequest(PageRequest.MAX_LIMIT, 0, Optional.empty()));
    }

    public ShareRepository.Side side() {
        return shareToMe ? ShareRepository.Side.SHARED_WITH : ShareRepository.Side.SHARED_BY;
    }

    /** True when the filters name a different project on the caller's own side: nothing can match. */
    public boolean excludesCaller(String callerProjectId) {
        Optional<String> ownSide = shareToMe ? toProjectId : fromProjectId;
        return ownSide.isPresent() && !ownSide.get().equals(callerProjectId);
    }

    /** Whether any filter needs the backup's attributes (and so a read of the backup). */
    public boolean filtersOnBackup() {
        return volumeId.isPresent() || name.isPresent() || status.isPresent() || availabilityZone.isPresent();
    }

    /** Whether the order is the indexes' own: creation time, then id. */
    public boolean sortsByCreation() {
        return sort.keys().size() == 1 && sort.primary().name().equals("created_at");
    }

    public Predicate<Share> shareFilter() {
        return share -> backupId.map(share.backupId()::equals).orElse(true)
                && fromProjectId.map(share.fromProjectId()::equals).orElse(true)
                && toProjectId.map(share.toProjectId()::equals).orElse(true);
    }

    public Predicate<Backup> backupFilter() {
        return backup -> volumeId.map(v -> v.equals(backup.volumeId())).orElse(true)
                && status.map(s -> s.equals(backup.status().value())).orElse(true)
                && availabilityZone.map(z -> z.equals(backup.availabilityZone())).orElse(true)
                && name.map(n -> backup.name() != null
                        && backup.name().toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT))).orElse(true);
    }
}
