package com.vbssharing.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The Lambda {@link Context} that SnapStart's priming requests carry, as the runtime hands every invocation one.
 * Micronaut's handler takes another path with a context than without: it looks up the {@code LambdaContextFactory}
 * bean and hands the context to it and to the diagnostic populator. Primed without one, that lookup (a scan of
 * every bean definition, the first of its kind) and the first creation of the factory fell to the first request
 * after a restore: ~0.6 ms of its ~4 ms outside the SDK at C1 (docs/decisions.md, "What ships for start-up").
 * Its values are the function's where the environment has them; nothing reads the logger.
 */
final class PrimingLambdaContext implements Context {

    private static final String REQUEST_ID = "snapstart-priming";
    private static final int DEFAULT_MEMORY_MB = 512;
    private static final int REMAINING_MILLIS = 30_000;

    private static final LambdaLogger DISCARDING = new LambdaLogger() {
        @Override
        public void log(String message) {
            // Priming's lines are not the function's.
        }

        @Override
        public void log(byte[] message) {
            // As above.
        }
    };

    @Override
    public String getAwsRequestId() {
        return REQUEST_ID;
    }

    @Override
    public String getLogGroupName() {
        return System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
    }

    @Override
    public String getLogStreamName() {
        return System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
    }

    @Override
    public String getFunctionName() {
        return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    }

    @Override
    public String getFunctionVersion() {
        return System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
    }

    @Override
    public String getInvokedFunctionArn() {
        return null;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return REMAINING_MILLIS;
    }

    @Override
    public int getMemoryLimitInMB() {
        try {
            return Integer.parseInt(System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        } catch (NumberFormatException e) {
            return DEFAULT_MEMORY_MB;
        }
    }

    @Override
    public LambdaLogger getLogger() {
        return DISCARDING;
    }
}
