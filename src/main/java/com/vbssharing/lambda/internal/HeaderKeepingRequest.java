package com.vbssharing.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.aws.proxy.ApiGatewayServletRequest;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyServletResponse;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpParameters;
import io.micronaut.servlet.http.BodyBuilder;
import io.micronaut.servlet.http.ServletHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API Gateway (payload 1.0) request as Micronaut's {@code ApiGatewayProxyServletRequest} reads it, built on the same
 * base class and helpers, except that its headers are built once. Micronaut's builds them anew on every
 * {@code getHeaders()}: the event's two header maps merged into a new case-insensitive map, each value checked
 * character by character; the framework and our filters ask about fifteen times per request (the router, the CORS
 * filter, two per bound route argument), which with the headers API Gateway sends was the largest slice of a warm
 * request's CPU time (docs/decisions.md, "A request's headers"). A request's headers do not change while it is served.
 *
 * <p>Micronaut's binders of {@code APIGatewayProxyRequestEvent} and {@code APIGatewayProxyResponseEvent} route
 * arguments look for its own class, so routes here take neither (ApiHandlerTest holds that).
 */
final class HeaderKeepingRequest<B>
        extends ApiGatewayServletRequest<B, APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderKeepingRequest.class);

    private final ApiGatewayProxyServletResponse<?> response;
    private MutableHttpHeaders headers;

    HeaderKeepingRequest(APIGatewayProxyRequestEvent event, ApiGatewayProxyServletResponse<?> response,
                         ConversionService conversionService, BodyBuilder bodyBuilder) {
        super(conversionService, event, buildUri(event.getPath(), event.getQueryStringParameters(),
                event.getMultiValueQueryStringParameters()), parseMethod(event::getHttpMethod), LOG, bodyBuilder);
        this.response = response;
    }

    @Override
    public MutableHttpHeaders getHeaders() {
        if (headers == null) {
            headers = getHeaders(requestEvent::getHeaders, requestEvent::getMultiValueHeaders);
        }
        return headers;
    }

    @Override
    public byte[] getBodyBytes() throws EmptyBodyException {
        return getBodyBytes(requestEvent::getBody, () -> Boolean.TRUE.equals(requestEvent.getIsBase64Encoded()));
    }

    @Override
    public MutableHttpParameters getParameters() {
        return getParameters(requestEvent::getQueryStringParameters, requestEvent::getMultiValueQueryStringParameters);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ServletHttpResponse<APIGatewayProxyResponseEvent, ?> getResponse() {
        return (ServletHttpResponse<APIGatewayProxyResponseEvent, ?>) response;
    }
}
