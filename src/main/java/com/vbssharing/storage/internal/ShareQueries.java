package com.vbssharing.storage.internal;

import com.vbssharing.api.Pages;
import com.vbssharing.backup.Backup;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareListQuery;
import com.vbssharing.sharing.SharedBackup;
import com.vbssharing.sharing.UnknownMarkerException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans how a share listing or count is read. The order of the indexes is creation time, so a listing in that
 * order reads just its page from the index (an offset is skipped by counting, not reading); any other order, and
 * the owner's lookup by backup (a consistent base-table read, for read-your-writes), reads every candidate and
 * sorts in memory. Backups are joined with one batched read per page.
 */
@Singleton
public class ShareQueries {

    /** Index page size when filters may drop items, so one page of matches may need several reads. */
    private static final int FILTERED_PAGE_SIZE = 1000;

    private final ShareReads reads;

    public ShareQueries(ShareReads reads) {
        this.reads = reads;
    }

    List<SharedBackup> page(String callerProjectId, ShareListQuery query, Optional<Share> marker) {
        if (isOwnersBackupLookup(query) || !query.sortsByCreation()) {
            Comparator<SharedBackup> order = ShareListQuery.SORT_FIELDS.comparator(query.sort());
            List<SharedBackup> sorted = matching(callerProjectId, query).stream().sorted(order).toList();
            Optional<SharedBackup> markerPosition = marker.map(share -> new SharedBackup(share,
                    reads.backupsOf(List.of(share)).values().stream().findFirst()
                            .orElseThrow(() -> new UnknownMarkerException(share.id()))));
            return Pages.slice(sorted, order, markerPosition, query.page().offset(), query.page().limit());
        }
        return pageFromIndex(callerProjectId, query, marker);
    }

    int count(String callerProjectId, ShareListQuery query) {
        if (isOwnersBackupLookup(query) && !query.filtersOnBackup()) {
            return (int) reads.ofBackup(callerProjectId, query.backupId().get()).stream()
                    .filter(query.shareFilter()).count();
        }
        boolean onlyOwnSideOrBackupIdFilters = !query.filtersOnBackup()
                && (query.shareToMe() ? query.fromProjectId().isEmpty() : query.toProjectId().isEmpty());
        if (onlyOwnSideOrBackupIdFilters && !isOwnersBackupLookup(query)) {
            return reads.countIndex(query.side(), callerProjectId, query.backupId());
        }
        return matching(callerProjectId, query).size();
    }

    /** The owner listing one backup's shares: read from the base table, strongly consistent. */
    private static boolean isOwnersBackupLookup(ShareListQuery query) {
        return !query.shareToMe() && query.backupId().isPresent();
    }

    /** Every share the query matches, with its backup. */
    private List<SharedBackup> matching(String callerProjectId, ShareListQuery query) {
        List<Share> candidates;
        if (isOwnersBackupLookup(query)) {
            candidates = reads.ofBackup(callerProjectId, query.backupId().get());
        } else {
            candidates = new ArrayList<>();
            ShareReads.IndexCursor cursor = reads.index(query.side(), callerProjectId, false, Optional.empty(), 0,
                    FILTERED_PAGE_SIZE);
            while (!cursor.exhausted()) {
                candidates.addAll(cursor.next());
            }
        }
        return withBackups(candidates.stream().filter(query.shareFilter()).toList(), query);
    }

    /**
     * One page in creation order straight from the index, starting after the marker. When nothing else filters,
     * it reads the page's limit shares wherever the page is, and an offset skips shares by counting them.
     */
    private List<SharedBackup> pageFromIndex(String callerProjectId, ShareListQuery query, Optional<Share> marker) {
        int limit = query.page().limit();
        int toSkip = query.page().offset();
        boolean filtered = query.filtersOnBackup() || query.backupId().isPresent()
                || query.fromProjectId().isPresent() || query.toProjectId().isPresent();
        boolean ascending = query.sort().primary().ascending();
        ShareReads.IndexCursor cursor;
        if (filtered) {
            cursor = reads.index(query.side(), callerProjectId, ascending, marker, 0, FILTERED_PAGE_SIZE);
        } else {
            cursor = reads.index(query.side(), callerProjectId, ascending, marker, toSkip, Math.max(1, limit));
            toSkip = 0;
        }
        List<SharedBackup> page = new ArrayList<>(limit);
        while (page.size() < limit && !cursor.exhausted()) {
            List<Share> batch = cursor.next().stream().filter(query.shareFilter()).toList();
            if (!query.filtersOnBackup()) {
                int skipNow = Math.min(toSkip, batch.size());
                toSkip -= skipNow;
                batch = batch.subList(skipNow, Math.min(batch.size(), skipNow + limit - page.size()));
            }
            for (SharedBackup match : withBackups(batch, query)) {
                if (toSkip > 0) {
                    toSkip--;
                } else if (page.size() < limit) {
                    page.add(match);
                }
            }
        }
        return page;
    }

    /** Joins each share with its backup (one batched read) and keeps those whose backup matches the filters. */
    private List<SharedBackup> withBackups(List<Share> candidates, ShareListQuery query) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Backup> byId = reads.backupsOf(candidates);
        List<SharedBackup> joined = new ArrayList<>(candidates.size());
        for (Share share : candidates) {
            Backup backup = byId.get(share.backupId());
            if (backup != null && query.backupFilter().test(backup)) {
                joined.add(new SharedBackup(share, backup));
            }
        }
        return joined;
    }
}
