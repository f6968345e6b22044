package com.vbssharing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.vbssharing.api.Fault;
import com.vbssharing.lambda.internal.HeaderKeepingEventHandler;
import com.vbssharing.lambda.internal.InvalidHeadersException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.HandlerUtils;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The Lambda entry point of every API function: Micronaut's API Gateway handler, with two guarantees it lacks.
 * An event path that is no valid URI (a space, a lone '%', which API Gateway passes on decoded or as sent) is
 * percent-encoded first, so routing answers it (404 or 400) instead of the handler throwing; an event with a header
 * HTTP does not allow is refused with 400 before anything runs; and whatever still escapes becomes a fault answer:
 * every event gets a response.
 *
 * <p>Events are served as Micronaut's handler serves them (the Lambda context first, then the exchange), by a
 * handler whose requests build their headers once ({@link HeaderKeepingEventHandler}); the one the superclass builds
 * stays unused.
 */
public class ApiHandler extends ApiGatewayProxyRequestEventFunction {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final HeaderKeepingEventHandler events;

    public ApiHandler() {
        events = new HeaderKeepingEventHandler(getApplicationContext());
    }

    public ApiHandler(ApplicationContext context) {
        super(context);
        events = new HeaderKeepingEventHandler(getApplicationContext());
    }

    /** Singletons on first use, not all at start-up ({@link StartupConfigurer#lambdaContextBuilder}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return StartupConfigurer.lambdaContextBuilder();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (event != null && event.getPath() != null) {
            event.setPath(EventPaths.asUri(event.getPath()));
        }
        try {
            HandlerUtils.configureWithContext(this, context);
            return events.serve(event);
        } catch (InvalidHeadersException e) {
            LOG.warn("Refused {} {}: {}", event.getHttpMethod(), event.getPath(), e.getMessage());
            return fault(HttpStatus.BAD_REQUEST, "A request header is not valid HTTP: a value with a control character,"
                    + " or a name with spaces or separators.");
        } catch (RuntimeException e) {
            LOG.error("The API handler failed on {} {}", event == null ? null : event.getHttpMethod(),
                    event == null ? null : event.getPath(), e);
            return fault(HttpStatus.INTERNAL_SERVER_ERROR, "The server could not complete the request. Retry later.");
        }
    }

    /** A fault answer made without the framework, which failed or never ran; the message is ours, never input. */
    private static APIGatewayProxyResponseEvent fault(HttpStatus status, String message) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status.getCode())
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"" + Fault.name(status) + "\":{\"code\":" + status.getCode() + ",\"message\":\""
                        + message + "\"}}");
    }
}
