package com.vbssharing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.vbssharing.observability.Invocation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import jakarta.inject.Singleton;

/**
 * Micronaut's Lambda handlers hand each invocation's {@link Context} here before serving it (by default, to fill
 * the logging MDC). This records the invocation instead, for the request's or batch's log line and metrics; the
 * log line carries the ids, so the MDC is not filled.
 */
@Singleton
@Replaces(DefaultDiagnosticInfoPopulator.class)
public class InvocationRecorder implements DiagnosticInfoPopulator {

    /** Set by the Java runtime for each invocation (the environment variable _X_AMZN_TRACE_ID is not, in Java). */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    @Override
    public void populateMappingDiagnosticContextValues(Context context) {
        Invocation.begin(context == null ? null : context.getAwsRequestId(),
                Invocation.traceRoot(System.getProperty(TRACE_PROPERTY)));
    }

    @Override
    public void populateMappingDiagnosticContextWithXrayTraceId() {
        // The trace id is taken with the request id above.
    }
}
