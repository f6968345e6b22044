package com.vbssharing.logging;

/**
 * How log lines are written: {@code json} (one JSON object per line, what CloudWatch Logs Insights queries by
 * field) or {@code text} (for people at a console). Env {@code VBS_LOG_FORMAT} (or system property
 * {@code vbs.log.format}); by default JSON in Lambda and text elsewhere.
 */
public enum LogFormat {
    JSON, TEXT;

    static final String VARIABLE = "VBS_LOG_FORMAT";
    public static final String PROPERTY = "vbs.log.format";

    public static LogFormat current() {
        String configured = System.getenv(VARIABLE);
        return of(configured != null ? configured : System.getProperty(PROPERTY),
                System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null);
    }

    static LogFormat of(String configured, boolean inLambda) {
        if (configured == null || configured.isBlank()) {
            return inLambda ? JSON : TEXT;
        }
        return "text".equalsIgnoreCase(configured.trim()) ? TEXT : JSON;
    }
}
