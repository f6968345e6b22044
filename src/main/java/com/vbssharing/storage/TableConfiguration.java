package com.vbssharing.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Where the one table lives ({@code vbs.table.*}; the name comes from env {@code VBS_TABLE_NAME}). */
@ConfigurationProperties("vbs.table")
public class TableConfiguration {

    private String name = "vbs-sharing";
    private boolean createIfMissing;
    private String endpoint;

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

    /** Local runs and tests create the table and its indexes on start; in AWS the SAM template owns it. */
    public boolean isCreateIfMissing() {
        return createIfMissing;
    }

    public void setCreateIfMissing(boolean createIfMissing) {
        this.createIfMissing = createIfMissing;
    }
}
