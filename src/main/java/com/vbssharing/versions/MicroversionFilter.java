package com.vbssharing.versions;

import com.vbssharing.api.ApiException;
import com.vbssharing.api.Fault;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Negotiates the microversion of every {@code /v3} request before anything else runs (the token check
 * included), and puts {@code OpenStack-API-Version} and {@code Vary: OpenStack-API-Version} on every {@code /v3}
 * answer, errors included. A malformed version is a 400, one outside the range a 406 ({@code computeFault}, as
 * Cinder names it; the 406 echoes the version asked for, as Cinder's does). The version documents ({@code /v3}, {@code /v3/}) are not refused for a version: version
 * discovery sends the client's own maximum (cinderclient 9.1 sends {@code volume 3.70} to find ours).
 *
 * <p>Mapped to every path and choosing its own: Micronaut's router hands a request the filters that match every
 * path as one list it keeps, but matches path patterns and sorts the filters again on every request as soon as one
 * filter has them (4 % of a warm request's samples at C1: docs/decisions.md, "Filters and path patterns").
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MicroversionFilter implements Ordered {

    /** The request attribute holding the negotiated {@link ApiVersion}. */
    public static final String ATTRIBUTE = ApiVersion.class.getName();

    @RequestFilter
    @Nullable
    public HttpResponse<?> negotiate(HttpRequest<?> request) {
        if (!isMicroversioned(request)) {
            return null;
        }
        String header = request.getHeaders().get(MicroversionHeader.NAME);
        try {
            request.setAttribute(ATTRIBUTE, MicroversionHeader.negotiate(header));
            return null;
        } catch (MicroversionHeader.NotAcceptableException e) {
            return isVersionDocument(request) ? accept(request) : refuse(e, new ApiVersion(e.requested()));
        } catch (ApiException e) {
            return isVersionDocument(request) ? accept(request) : refuse(e, ApiVersion.DEFAULT);
        }
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!isMicroversioned(request)) {
            return;
        }
        withVersionHeaders(response, request.getAttribute(ATTRIBUTE, ApiVersion.class).orElse(ApiVersion.DEFAULT));
    }

    /** Before the security filter, so that its answers (401, 403) carry the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /** The Cinder v3 API's paths; the VBS API ({@code /v2}) and Keystone's have no microversions. */
    private static boolean isMicroversioned(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals("/v3") || path.startsWith("/v3/");
    }

    private static boolean isVersionDocument(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals("/v3") || path.equals("/v3/");
    }

    private static HttpResponse<?> accept(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, ApiVersion.DEFAULT);
        return null;
    }

    /** A refusal skips this filter's response part, so it carries its headers itself. */
    private static HttpResponse<?> refuse(ApiException e, ApiVersion echoed) {
        return withVersionHeaders(HttpResponse.status(e.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Fault.body(e.status(), e.getMessage())), echoed);
    }

    private static MutableHttpResponse<?> withVersionHeaders(MutableHttpResponse<?> response, ApiVersion version) {
        return response.header(MicroversionHeader.NAME, version.headerValue())
                .header(HttpHeaders.VARY, MicroversionHeader.NAME);
    }
}
