package com.vbssharing.api;

import java.util.Optional;

/**
 * OpenStack paging: {@code limit} (default and cap 1000), {@code offset}, {@code marker} (id of the last item seen).
 * A limit above the cap is lowered to it, as Cinder does; a limit that is not an integer or negative is a 400.
 */
public record PageRequest(int limit, int offset, Optional<String> marker) {

    public static final int MAX_LIMIT = 1000;

    public static PageRequest from(QueryParameters query) {
        int limit = Math.min(query.nonNegativeInt("limit", MAX_LIMIT), MAX_LIMIT);
        int offset = query.nonNegativeInt("offset", 0);
        return new PageRequest(limit, offset, query.text("marker"));
    }

    /** A page is full when it holds {@code limit} items: then the response carries a {@code next} link. */
    public boolean isFull(int pageSize) {
        return limit > 0 && pageSize == limit;
    }
}
