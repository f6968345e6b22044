package com.vbssharing.sharing.automation;

import com.vbssharing.observability.Observations;
import com.vbssharing.lambda.StartupConfigurer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Lambda entry point for the EventBridge rule that delivers {@code Backup Share Requested} and
 * {@code Backup Unshare Requested} events (schemas in docs/events.md).
 */
public class ShareRequestHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The operation name of an event in logs and metrics. */
    public static final String OPERATION = "AutomateShares";

    @Inject
    ShareAutomation automation;

    @Inject
    Observations observations;

    public ShareRequestHandler() {
    }

    public ShareRequestHandler(ApplicationContext context) {
        super(context);
    }

    /** Singletons on first use, not all at start-up ({@link StartupConfigurer#lambdaContextBuilder}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return StartupConfigurer.lambdaContextBuilder();
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        // A rejected request is answered (and dead-lettered), not failed; a failure throws and Lambda retries.
        return observations.batch(OPERATION, 1, result -> 0, () -> automation.handle(event));
    }
}
