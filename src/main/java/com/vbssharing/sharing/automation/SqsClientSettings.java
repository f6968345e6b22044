package com.vbssharing.sharing.automation;

import com.vbssharing.aws.LocalEndpoint;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Points the SQS client at a local SQS when {@code vbs.automation.sqs-endpoint} is set (never in AWS). */
@Singleton
public class SqsClientSettings implements BeanCreatedEventListener<SqsClientBuilder> {

    private final AutomationConfiguration configuration;

    public SqsClientSettings(AutomationConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public SqsClientBuilder onCreated(BeanCreatedEvent<SqsClientBuilder> event) {
        return LocalEndpoint.apply(event.getBean(), configuration.getSqsEndpoint());
    }
}
