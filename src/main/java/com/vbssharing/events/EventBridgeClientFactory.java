package com.vbssharing.events;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

import java.net.URI;

/** The EventBridge client: the same light HTTP client as DynamoDB's, and an endpoint override when configured. */
@Factory
public class EventBridgeClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    EventBridgeClient eventBridgeClient(EventsConfiguration configuration, @Value("${aws.region}") String region) {
        EventBridgeClientBuilder builder = EventBridgeClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        String endpoint = configuration.getEndpointOverride();
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }
}
