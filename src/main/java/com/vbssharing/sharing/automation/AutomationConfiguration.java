package com.vbssharing.sharing.automation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Where rejected automation requests go ({@code vbs.automation.*}). */
@ConfigurationProperties("vbs.automation")
public class AutomationConfiguration {

    private String deadLetterQueueUrl;
    private String sqsEndpoint;

    /** The SQS queue that receives every rejected request with its reason (env {@code VBS_AUTOMATION_DLQ_URL}). */
    public String getDeadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    public void setDeadLetterQueueUrl(String deadLetterQueueUrl) {
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    /** A local SQS (a moto server) instead of AWS's (env {@code VBS_SQS_ENDPOINT}); empty in AWS. */
    @Nullable
    public String getSqsEndpoint() {
        return sqsEndpoint;
    }

    public void setSqsEndpoint(@Nullable String sqsEndpoint) {
        this.sqsEndpoint = sqsEndpoint;
    }
}
