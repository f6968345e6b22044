package com.vbssharing.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.BinaryTypeConfiguration;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyEventHandler;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyServletResponse;
import io.micronaut.servlet.http.BodyBuilder;
import io.micronaut.servlet.http.ServletExchange;

/**
 * Micronaut's API Gateway (payload 1.0) handler, serving each event as a {@link HeaderKeepingRequest}. The beans an
 * exchange needs are looked up once, not per event.
 */
public final class HeaderKeepingEventHandler extends ApiGatewayProxyEventHandler {

    private final ConversionService conversionService;
    private final BinaryTypeConfiguration binaryTypes;
    private final BodyBuilder bodyBuilder;

    public HeaderKeepingEventHandler(ApplicationContext context) {
        super(context);
        this.conversionService = context.getConversionService();
        this.binaryTypes = context.getBean(BinaryTypeConfiguration.class);
        this.bodyBuilder = context.getBean(BodyBuilder.class);
    }

    /**
     * Serves the event and returns its answer. Its headers are built first: Micronaut fails on headers HTTP does not
     * allow wherever it first reads them, and past routing that failure has no answer but an empty 500.
     *
     * @throws InvalidHeadersException when the event carries such a header (nothing ran)
     */
    public APIGatewayProxyResponseEvent serve(APIGatewayProxyRequestEvent event) {
        ServletExchange<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> exchange = createExchange(event, null);
        try {
            exchange.getRequest().getHeaders();
        } catch (IllegalArgumentException e) {
            throw new InvalidHeadersException(e);
        }
        return exchange(exchange).getResponse().getNativeResponse();
    }

    @Override
    protected ServletExchange<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> createExchange(
            APIGatewayProxyRequestEvent event, APIGatewayProxyResponseEvent ignored) {
        // Its constructor is protected: an empty subclass is how code outside its package makes one.
        ApiGatewayProxyServletResponse<Object> response =
                new ApiGatewayProxyServletResponse<>(conversionService, binaryTypes) { };
        return new HeaderKeepingRequest<>(event, response, conversionService, bodyBuilder);
    }
}
