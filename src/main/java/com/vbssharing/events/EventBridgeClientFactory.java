package com.vbssharing.events;

import com.vbssharing.aws.AwsClients;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The EventBridge client of the event publisher ({@link AwsClients}), at a local endpoint when configured
 * (env {@code VBS_EVENTBRIDGE_ENDPOINT}: {@code sam local} and tests).
 */
@Factory
@Requires(classes = EventBridgeClient.class)
public class EventBridgeClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    EventBridgeClient eventBridgeClient(EventsConfiguration configuration, @Value("${aws.region}") String region) {
        return AwsClients.configure(EventBridgeClient.builder(), region, configuration.getEndpointOverride()).build();
    }
}
