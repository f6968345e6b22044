package com.vbssharing.observability.internal;

import io.micronaut.core.annotation.Nullable;

/** How an API request was asked and answered, for its log line and metrics. */
public record RequestFacts(String method, String path, @Nullable String apiRequestId, @Nullable String traceId,
                           @Nullable String projectId, int status) {
}
