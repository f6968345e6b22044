package com.vbssharing.events;

import com.vbssharing.aws.LocalEndpoint;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The EventBridge client: the same light HTTP client as DynamoDB's, and a local endpoint when configured
 * (env {@code VBS_EVENTBRIDGE_ENDPOINT}: {@code sam local} and tests).
 */
@Factory
@Requires(classes = EventBridgeClient.class)
public class EventBridgeClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    EventBridgeClient eventBridgeClient(EventsConfiguration configuration, @Value("${aws.region}") String region) {
        return LocalEndpoint.apply(EventBridgeClient.builder(), configuration.getEndpointOverride())
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
