package com.vbssharing.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

import java.net.URI;

/**
 * An AWS client pointed at a local stand-in (DynamoDB Local, a moto server) instead of AWS: only when an
 * endpoint is configured, which it never is in AWS (the template declares the variables empty).
 *
 * <p>With a local endpoint the client signs with one fixed credential, whatever the environment holds. DynamoDB
 * Local keeps a separate database per access key unless started with {@code -sharedDb}: without this, a table
 * created by the local run (key {@code local}) is invisible to a function under {@code sam local invoke}, which
 * gets the host's keys or SAM's {@code defaultkey}.
 */
public final class LocalEndpoint {

    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private LocalEndpoint() {
    }

    public static boolean isSet(String endpoint) {
        return endpoint != null && !endpoint.isBlank();
    }

    /** Points the builder at the endpoint with the fixed credential; leaves it alone when none is set. */
    public static <B extends AwsClientBuilder<B, ?>> B apply(B builder, String endpoint) {
        if (!isSet(endpoint)) {
            return builder;
        }
        return builder.endpointOverride(URI.create(endpoint.trim())).credentialsProvider(CREDENTIALS);
    }
}
