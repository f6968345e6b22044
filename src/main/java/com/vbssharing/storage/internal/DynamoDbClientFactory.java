package com.vbssharing.storage.internal;

import com.vbssharing.aws.LocalEndpoint;
import com.vbssharing.storage.TableConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client as every function uses it: the SDK's light HTTP client (java.net's), the region of
 * {@code aws.region} and the SDK's default credentials (the function's role in Lambda); a deadline on each call and
 * on each attempt (so that a request always answers, 503 at worst, well inside the function's timeout), the SDK's
 * standard retries of throttling and transient errors within that deadline, unavailability translated to 503
 * ({@link DynamoDbFailures}), and a local DynamoDB when {@code vbs.table.endpoint} is set (never in AWS); every call
 * metered for the request it serves ({@link DynamoDbUsageMeter}).
 *
 * <p>The builder is a bean of its own so that a {@code BeanCreatedEventListener<DynamoDbClientBuilder>} can add to
 * it (the tests record and fault calls that way).
 */
@Factory
public class DynamoDbClientFactory {

    @Singleton
    DynamoDbClientBuilder dynamoDbClientBuilder(TableConfiguration table, DynamoDbUsageMeter meter,
                                                @Value("${aws.region}") String region) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(table.getCallTimeout())
                        .apiCallAttemptTimeout(table.getAttemptTimeout())
                        .retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(meter)
                        .build());
        return LocalEndpoint.apply(builder, table.getEndpoint());
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(DynamoDbClientBuilder builder) {
        return builder.build();
    }
}
