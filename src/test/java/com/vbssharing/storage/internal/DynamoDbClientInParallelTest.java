package com.vbssharing.storage.internal;

import com.vbssharing.lambda.StartupConfigurer;
import com.vbssharing.support.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Lambda function's context builds its DynamoDB client beside the starting thread, and survives failing to. */
class DynamoDbClientInParallelTest {

    private static final String WATCHED = "vbs.test.watch-dynamodb-client-builder";
    private static final String FAIL = "vbs.test.fail-dynamodb-client-builder";

    @Test
    void aLambdaContextBuildsTheClientOnAnotherThreadWhileItStarts() throws Exception {
        BuilderWatch.built = new CompletableFuture<>();
        try (ApplicationContext context = start(StartupConfigurer.lambdaContextBuilder(), Map.of(WATCHED, true))) {
            // Nothing here asks for the client: the context builds it on its own.
            String thread = BuilderWatch.built.get(60, TimeUnit.SECONDS);
            assertNotEquals(Thread.currentThread().getName(), thread);
            assertTrue(ForkJoinPool.commonPool().awaitQuiescence(60, TimeUnit.SECONDS));
            assertEquals(1, context.getActiveBeanRegistrations(DynamoDbClientBuilder.class).size());
        }
    }

    /** The local server and tools build the client when something first needs it, as before. */
    @Test
    void otherContextsDoNotDefineIt() {
        try (ApplicationContext context = start(ApplicationContext.builder(), Map.of())) {
            assertFalse(context.containsBean(DynamoDbClientInParallel.class));
        }
        try (ApplicationContext context = start(StartupConfigurer.lambdaContextBuilder(), Map.of())) {
            assertTrue(context.containsBean(DynamoDbClientInParallel.class));
        }
    }

    /** Micronaut stops a context whose parallel bean fails unless told not to; the first request tries again. */
    @Test
    void aClientThatCannotBeBuiltLeavesTheContextRunning() throws Exception {
        BuilderWatch.built = new CompletableFuture<>();
        try (ApplicationContext context = start(StartupConfigurer.lambdaContextBuilder(),
                Map.of(WATCHED, true, FAIL, true))) {
            BuilderWatch.built.get(60, TimeUnit.SECONDS);
            assertTrue(ForkJoinPool.commonPool().awaitQuiescence(60, TimeUnit.SECONDS));
            assertTrue(context.isRunning());
        }
    }

    private static ApplicationContext start(ApplicationContextBuilder builder, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestApp.quietContextProperties());
        properties.putAll(extra);
        return builder.environments("test").properties(properties).start();
    }

    /** Reports the thread that builds the client's builder; fails there when asked to. */
    @Singleton
    @Requires(property = WATCHED, value = "true")
    static class BuilderWatch implements BeanCreatedEventListener<DynamoDbClientBuilder> {

        static volatile CompletableFuture<String> built = new CompletableFuture<>();

        private final boolean fail;

        BuilderWatch(@io.micronaut.context.annotation.Value("${" + FAIL + ":false}") boolean fail) {
            this.fail = fail;
        }

        @Override
        public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
            built.complete(Thread.currentThread().getName());
            if (fail) {
                throw new IllegalStateException("a client that cannot be built (test)");
            }
            return event.getBean();
        }
    }
}
