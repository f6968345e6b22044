package com.vbssharing.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** Where the one table lives ({@code vbs.table.*}; the name comes from env {@code VBS_TABLE_NAME}). */
@ConfigurationProperties("vbs.table")
public class TableConfiguration {

    private String name = "vbs-sharing";
    private boolean createIfMissing;
    private String endpoint;
    private Duration callTimeout = Duration.ofSeconds(4);
    private Duration attemptTimeout = Duration.ofMillis(1500);

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /**
     * A local DynamoDB to use instead of AWS's (env {@code VBS_DYNAMODB_ENDPOINT}): the local run, the tests and
     * {@code sam local}. Empty in AWS. See {@link com.vbssharing.aws.LocalEndpoint}.
     */
    @Nullable
    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(@Nullable String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The most one DynamoDB call may take, its retries included (docs/reliability.md): with the few calls a request
     * makes, a request answers well inside the function's 20 s timeout even when DynamoDB does not.
     */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** The most one attempt of a call may take; the SDK retries within the call timeout. */
    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    /** Local runs and tests create the table and its indexes on start; in AWS the SAM template owns it. */
    public boolean isCreateIfMissing() {
        return createIfMissing;
    }

    public void setCreateIfMissing(boolean createIfMissing) {
        this.createIfMissing = createIfMissing;
    }
}
