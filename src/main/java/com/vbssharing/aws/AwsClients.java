package com.vbssharing.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * An AWS client as every function builds it: the region of {@code aws.region}, java.net's HTTP client (the SDK's
 * lightest: no connection-pool library to load at a cold start), the SDK's default credentials (the function's
 * role in Lambda), or a local stand-in when an endpoint is configured ({@link LocalEndpoint}).
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region,
                                                                                          String localEndpoint) {
        return configure(builder, region, localEndpoint, httpClientBuilder());
    }

    /** As {@link #configure(AwsClientBuilder, String, String)}, with an HTTP client that decorates ours. */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String region, String localEndpoint, SdkHttpClient.Builder<?> httpClient) {
        builder.region(Region.of(region)).httpClientBuilder(httpClient);
        return LocalEndpoint.apply(builder, localEndpoint);
    }

    /** The HTTP client every AWS client here is built with. */
    public static SdkHttpClient.Builder<?> httpClientBuilder() {
        return UrlConnectionHttpClient.builder();
    }
}
