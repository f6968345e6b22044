package com.vbssharing.sharing.automation;

import com.vbssharing.aws.AwsClients;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS client of the share automation (its dead-letter queue), built as every AWS client here
 * ({@link AwsClients}): a local SQS when {@code vbs.automation.sqs-endpoint} is set (never in AWS). Only the
 * automation's package holds the SQS jar (src/assembly/lambda-automation.xml).
 */
@Factory
@Requires(classes = SqsClient.class)
public class SqsClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    SqsClient sqsClient(AutomationConfiguration configuration, @Value("${aws.region}") String region) {
        return AwsClients.configure(SqsClient.builder(), region, configuration.getSqsEndpoint()).build();
    }
}
