package com.vbssharing.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/**
 * A request's headers as our filters and routes read them: once per request. On Lambda, Micronaut's API Gateway
 * request builds its headers anew on every {@code getHeaders()} call (the event's maps merged into a new
 * case-insensitive map, each value checked character by character), and a request made about fifteen such calls,
 * seven of them ours: ~8 % of a warm request's CPU time (docs/decisions.md, "A request's headers"). A request's headers
 * do not change while it is served, so the first read is kept in a request attribute and answers the later ones.
 */
public final class RequestHeaders {

    private static final String ATTRIBUTE = RequestHeaders.class.getName();

    private RequestHeaders() {
    }

    public static HttpHeaders of(HttpRequest<?> request) {
        if (request.getAttributes().getValue(ATTRIBUTE) instanceof HttpHeaders kept) {
            return kept;
        }
        HttpHeaders headers = request.getHeaders();
        request.setAttribute(ATTRIBUTE, headers);
        return headers;
    }

    /** The first value of the named header; {@code null} when absent. */
    public static String get(HttpRequest<?> request, CharSequence name) {
        return of(request).get(name);
    }
}
