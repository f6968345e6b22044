package com.vbssharing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Micronaut's Lambda integration registers every invocation's Lambda {@link Context} (and its logger, client
 * context and identity) as singletons of the application context. Each registration drops the context's bean
 * caches, and the request that follows pays for the lookups again: measured at ~8 ms of every warm request
 * (docs/performance.md). Nothing in this service injects those objects, so none is registered.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public class LambdaContextNotRegistered implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context context) {
        // Deliberately nothing: see the class comment.
    }
}
