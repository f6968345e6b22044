package com.vbssharing.observability;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the metrics go: {@code vbs.metrics.namespace} (env {@code VBS_METRICS_NAMESPACE}; template.yaml names one
 * per stack), and whether they are written at all: {@code vbs.metrics.enabled}, by default only in Lambda, where
 * CloudWatch Logs turns the documents into metrics (elsewhere they would only crowd the console).
 */
@ConfigurationProperties("vbs.metrics")
public class MetricsConfiguration {

    static final String LAMBDA_FUNCTION_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";

    private String namespace = "VbsSharing";
    @Nullable
    private Boolean enabled;

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public boolean isEnabled() {
        return enabled != null ? enabled : inLambda();
    }

    public void setEnabled(@Nullable Boolean enabled) {
        this.enabled = enabled;
    }

    public static boolean inLambda() {
        String function = System.getenv(LAMBDA_FUNCTION_VARIABLE);
        return function != null && !function.isBlank();
    }
}
