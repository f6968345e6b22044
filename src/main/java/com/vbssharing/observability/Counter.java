package com.vbssharing.observability;

/** What an operation did, counted for its log line and metrics (beyond requests, errors and DynamoDB use). */
public enum Counter {
    SHARES_CREATED("SharesCreated", "shares_created"),
    SHARES_REVOKED("SharesRevoked", "shares_revoked"),
    EVENTS_PUBLISHED("EventsPublished", "events_published"),
    EVENTS_FAILED("EventsFailed", "events_failed");

    private final String metricName;
    private final String logField;

    Counter(String metricName, String logField) {
        this.metricName = metricName;
        this.logField = logField;
    }

    public String metricName() {
        return metricName;
    }

    public String logField() {
        return logField;
    }
}
