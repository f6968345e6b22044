package com.vbssharing.sharing.automation;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Where rejected automation requests go ({@code vbs.automation.*}). */
@ConfigurationProperties("vbs.automation")
public class AutomationConfiguration {

    private String deadLetterQueueUrl;

    /** The SQS queue that receives every rejected request with its reason (env {@code VBS_AUTOMATION_DLQ_URL}). */
    public String getDeadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    public void setDeadLetterQueueUrl(String deadLetterQueueUrl) {
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }
}
