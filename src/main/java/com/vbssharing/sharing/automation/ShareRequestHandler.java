package com.vbssharing.sharing.automation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Lambda entry point for the EventBridge rule that delivers {@code Backup Share Requested} and
 * {@code Backup Unshare Requested} events (schemas in docs/events.md).
 */
public class ShareRequestHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    ShareAutomation automation;

    public ShareRequestHandler() {
    }

    public ShareRequestHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        return automation.handle(event);
    }
}
