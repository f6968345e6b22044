package com.vbssharing.api;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Paging over a list that is already filtered and sorted in memory. */
public final class Pages {

    private Pages() {
    }

    /**
     * The items after the marker (by sort position, so a marker that no longer matches the filters still
     * places the page), then skips {@code offset} and takes {@code limit}.
     */
    public static <T> List<T> slice(List<T> sorted, Comparator<T> order, Optional<T> marker, int offset, int limit) {
        int start = marker.map(m -> firstAfter(sorted, order, m)).orElse(0);
        int from = (int) Math.min((long) start + offset, sorted.size());
        int to = (int) Math.min((long) from + limit, sorted.size());
        return sorted.subList(from, to);
    }

    private static <T> int firstAfter(List<T> sorted, Comparator<T> order, T marker) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(sorted.get(mid), marker) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
