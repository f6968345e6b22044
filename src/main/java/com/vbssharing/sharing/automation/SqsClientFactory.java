package com.vbssharing.sharing.automation;

import com.vbssharing.aws.LocalEndpoint;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS client of the share automation (its dead-letter queue): the same light HTTP client as DynamoDB's, and a
 * local SQS when {@code vbs.automation.sqs-endpoint} is set (never in AWS). Only the automation's package holds
 * the SQS jar (src/assembly/lambda-automation.xml).
 */
@Factory
@Requires(classes = SqsClient.class)
public class SqsClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    SqsClient sqsClient(AutomationConfiguration configuration, @Value("${aws.region}") String region) {
        return LocalEndpoint.apply(SqsClient.builder(), configuration.getSqsEndpoint())
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
