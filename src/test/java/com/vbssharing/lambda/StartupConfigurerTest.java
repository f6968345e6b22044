package com.vbssharing.lambda;

import com.vbssharing.support.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A function's context starts without the clients only other functions use. */
class StartupConfigurerTest {

    @Test
    void aLambdaContextCreatesSingletonsOnFirstUseOnly() {
        try (ApplicationContext context = start(StartupConfigurer.lambdaContextBuilder())) {
            assertTrue(context.getEnvironment().getActiveNames().containsAll(Set.of("function", "lambda")));
            assertTrue(context.getActiveBeanRegistrations(SqsClient.class).isEmpty(), "the automation's SQS client");
            assertTrue(context.getActiveBeanRegistrations(EventBridgeClient.class).isEmpty(), "the publisher's client");
        }
    }

    /** Why the handlers do not use Micronaut's Lambda builder: it starts every singleton, these clients included. */
    @Test
    void micronautsLambdaBuilderWouldStartThemAll() {
        try (ApplicationContext context = start(new LambdaApplicationContextBuilder())) {
            assertFalse(context.getActiveBeanRegistrations(SqsClient.class).isEmpty());
            assertFalse(context.getActiveBeanRegistrations(EventBridgeClient.class).isEmpty());
        }
    }

    private static ApplicationContext start(ApplicationContextBuilder builder) {
        return builder.environments("test").properties(TestApp.quietContextProperties()).start();
    }
}
