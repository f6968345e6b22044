package com.vbssharing.auth;

import com.vbssharing.api.Fault;
import com.vbssharing.api.ServiceUnavailableException;
import com.vbssharing.observability.Observations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.util.Optional;

/**
 * Guards every {@link Authenticated} route: a token in {@code X-Auth-Token} (what OpenStack clients send) or
 * {@code Authorization: Bearer}, valid by {@link TokenVerifier}; both headers with different tokens is a 401 (which
 * one would be meant?). With {@code {project_id}} in the path, the token must be of that project: another project's
 * valid token is a 403. A path no route serves passes on (and is a 404: a typo should say so).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationFilter implements Ordered {

    public static final String X_AUTH_TOKEN = "X-Auth-Token";
    /** The request attribute holding the {@link Caller}. */
    public static final String CALLER = Caller.class.getName();
    static final String PROJECT_ID_VARIABLE = "project_id";
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;

    public AuthenticationFilter(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty() || !route.get().getAnnotationMetadata().hasAnnotation(Authenticated.class)) {
            return null;
        }
        Optional<String> token = token(request);
        Optional<VerifiedToken> verified;
        try {
            verified = token.flatMap(verifier::verify);
        } catch (ServiceUnavailableException e) {
            Observations.of(request).ifPresent(observation -> observation.unavailable(e.getMessage()));
            return fault(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        }
        if (verified.isEmpty()) {
            return fault(HttpStatus.UNAUTHORIZED, token.isEmpty() && headersDisagree(request)
                    ? "X-Auth-Token and Authorization: Bearer carry different tokens: send one."
                    : "Authentication required: send a valid, unexpired token in X-Auth-Token or Authorization: Bearer.");
        }
        Object pathProject = route.get().getVariableValues().get(PROJECT_ID_VARIABLE);
        if (pathProject != null && !pathProject.toString().equals(verified.get().projectId())) {
            return fault(HttpStatus.FORBIDDEN, "The token does not grant access to this resource.");
        }
        request.setAttribute(CALLER, new Caller(verified.get().subject(), verified.get().projectId()));
        return null;
    }

    /** After the microversion filter (its headers go on these answers too), before anything else. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /** The token, from either header; none when both carry different ones. */
    static Optional<String> token(HttpRequest<?> request) {
        String xAuthToken = blankToNull(request.getHeaders().get(X_AUTH_TOKEN));
        String bearer = bearer(request);
        if (xAuthToken != null && bearer != null && !xAuthToken.equals(bearer)) {
            return Optional.empty();
        }
        return Optional.ofNullable(xAuthToken != null ? xAuthToken : bearer);
    }

    private static boolean headersDisagree(HttpRequest<?> request) {
        String xAuthToken = blankToNull(request.getHeaders().get(X_AUTH_TOKEN));
        String bearer = bearer(request);
        return xAuthToken != null && bearer != null && !xAuthToken.equals(bearer);
    }

    private static String bearer(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? blankToNull(authorization.substring(BEARER.length()).trim())
                : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static MutableHttpResponse<?> fault(HttpStatus status, String message) {
        return HttpResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Fault.body(status, message));
    }
}
