package com.vbssharing.observability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.vbssharing.auth.AuthenticationFilter;
import com.vbssharing.auth.Caller;
import com.vbssharing.observability.internal.ObservationReporter;
import com.vbssharing.observability.internal.RequestFacts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.servlet.http.ServletHttpRequest;
import io.micronaut.web.router.RouteAttributes;

/**
 * Observes every API request, on both entry points: the outermost filter, so the answers of the other filters
 * (401, 413, 415, 406) and of unmatched paths (404) are observed too. The operation is the route's
 * {@link OperationId}; {@value #UNMATCHED} when no route matched.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestObservationFilter implements Ordered {

    public static final String UNMATCHED = "UnmatchedRoute";
    /** Sent by API Gateway when tracing is on; the X-Ray trace the request belongs to. */
    static final String TRACE_HEADER = "X-Amzn-Trace-Id";

    private final Observations observations;
    private final ObservationReporter reporter;

    public RequestObservationFilter(Observations observations, ObservationReporter reporter) {
        this.observations = observations;
        this.reporter = reporter;
    }

    @RequestFilter
    public void begin(HttpRequest<?> request) {
        long start = System.nanoTime();
        String operation = RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getAnnotationMetadata().stringValue(OperationId.class))
                .orElse(UNMATCHED);
        observations.begin(request, operation, start);
    }

    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Observations.of(request).ifPresent(observation -> reporter.requestEnded(observation, new RequestFacts(
                request.getMethodName(), request.getPath(), apiGatewayRequestId(request),
                traceId(request, observation), projectId(request), response.code())));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @Nullable
    private static String apiGatewayRequestId(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayProxyRequestEvent event
                && event.getRequestContext() != null) {
            return event.getRequestContext().getRequestId();
        }
        return null;
    }

    @Nullable
    private static String traceId(HttpRequest<?> request, Observation observation) {
        String fromGateway = Invocation.traceRoot(request.getHeaders().get(TRACE_HEADER));
        return fromGateway != null ? fromGateway : observation.invocation().traceId();
    }

    /** The project the token proved; none when the request had no valid token. */
    @Nullable
    private static String projectId(HttpRequest<?> request) {
        return request.getAttribute(AuthenticationFilter.CALLER, Caller.class).map(Caller::projectId).orElse(null);
    }
}
