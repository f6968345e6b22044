package com.vbssharing.storage.internal;

import com.vbssharing.aws.AwsClients;
import com.vbssharing.storage.TableConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client as every function uses it, built as every AWS client here ({@link AwsClients}): a deadline
 * on each call and on each attempt (so that a request always answers, 503 at worst, well inside the function's
 * timeout), the SDK's standard retries of throttling and transient errors within that deadline, unavailability
 * translated to 503 ({@link DynamoDbFailures}), and a local DynamoDB when {@code vbs.table.endpoint} is set (never in
 * AWS); every call metered for the request it serves ({@link DynamoDbUsageMeter}); SnapStart's priming calls
 * answered as successes ({@link PrimingAnswers}).
 *
 * <p>The builder is a bean of its own so that a {@code BeanCreatedEventListener<DynamoDbClientBuilder>} can add to
 * it (the tests record and fault calls that way).
 */
@Factory
public class DynamoDbClientFactory {

    @Singleton
    DynamoDbClientBuilder dynamoDbClientBuilder(TableConfiguration table, DynamoDbUsageMeter meter,
                                                @Value("${aws.region}") String region) {
        return AwsClients.configure(DynamoDbClient.builder(), region, table.getEndpoint(),
                        PrimingAnswers.around(AwsClients.httpClientBuilder(), table.getName()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(table.getCallTimeout())
                        .apiCallAttemptTimeout(table.getAttemptTimeout())
                        .retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(meter)
                        .build());
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(DynamoDbClientBuilder builder) {
        return builder.build();
    }
}
