package com.vbssharing.storage.internal;

import io.micronaut.context.annotation.Parallel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB client on a thread of its own while a Lambda function's context starts. Building it (the
 * SDK's client, its HTTP client, credentials and endpoint rules) is about half of a fresh JVM's start-up, and it
 * needs nothing the rest of the start-up makes, so the starting thread goes on with the router, the codecs and the
 * first request meanwhile, and waits only if that request reaches DynamoDB first (a singleton is built once; a
 * second thread asking for it waits for it). Measured in docs/decisions.md ("The DynamoDB client built in
 * parallel").
 *
 * <p>Micronaut starts {@link Parallel} singletons on its common pool once the context's eager beans are built. Not
 * {@code @Context}: Micronaut builds those on the starting thread and then ignores {@code @Parallel}; nor may an
 * eager bean take the client (or a repository) as a constructor argument, or it is built there again. If building
 * fails here, the context keeps running ({@code shutdownOnError = false}): Micronaut logs the failure, and the first
 * request that needs the client tries again and answers as it would have without this bean.
 *
 * <p>Lambda functions only: every one of them built the client while starting before this bean (SnapStart's
 * priming takes it), so no function builds more than it did; the local server and tools build it on first use.
 */
@Singleton
@Parallel(shutdownOnError = false)
@Requires(env = "lambda")
final class DynamoDbClientInParallel {

    DynamoDbClientInParallel(DynamoDbClient client) {
        // Taking the client is the whole point: Micronaut builds it for this bean, on the parallel thread.
    }
}
