package com.vbssharing.local;

/**
 * DynamoDB Local accepts any credentials, but the AWS SDK refuses to sign without some. When none are
 * configured, local runs and tests use placeholder ones (never in Lambda, which always has real ones).
 */
public final class LocalCredentials {

    private LocalCredentials() {
    }

    public static void useDummyWhenNoneSet() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }
}
