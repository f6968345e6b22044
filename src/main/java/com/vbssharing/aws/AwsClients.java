package com.vbssharing.aws;

import com.vbssharing.aws.internal.ReconnectAfterRestore;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * An AWS client as every function builds it: the region of {@code aws.region}, Apache's HTTP client with the
 * SDK's defaults, the SDK's default credentials (the function's role in Lambda), or a local stand-in when an
 * endpoint is configured ({@link LocalEndpoint}).
 *
 * <p>Not java.net's client, though it loads ~370 fewer classes at a cold start: before every streamed POST (every
 * DynamoDB call) it polls the kept-alive connection with a 1 ms read timeout, so each call waited ~1 ms more.
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

    /** The HTTP client every AWS client here is built with; it drops its connections after a SnapStart restore. */
    public static SdkHttpClient.Builder<?> httpClientBuilder() {
        return ReconnectAfterRestore.around(ApacheHttpClient.builder());
    }
}
