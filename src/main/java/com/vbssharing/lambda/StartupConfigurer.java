package com.vbssharing.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.executor.ThreadSelection;

import java.util.Map;

/**
 * Start-up switches applied to every application context, the Lambda handlers' included (they build theirs
 * without our code in between). {@code VBS_EAGER_INIT=true} (or {@code -Dvbs.eager-init=true}) creates every
 * singleton while the context starts instead of on first use; off by default (also in Lambda, where Micronaut's
 * builder would turn it on), because it slows a cold start (docs/performance.md): a function creates only the beans
 * its requests use, and SnapStart's priming creates those before the snapshot.
 */
@ContextConfigurer
public class StartupConfigurer implements ApplicationContextConfigurer {

    /** The environment Micronaut's Lambda builder adds (beside {@code function}). */
    static final String LAMBDA_ENVIRONMENT = "lambda";

    /**
     * Where routes run. application.properties says {@code BLOCKING} for the local server (Netty's event loop must
     * not wait on DynamoDB); a Lambda invocation's thread serves one request and has nothing else to do, so Lambda
     * contexts run routes on it: {@code MANUAL} (no executor unless a route names one). Handing each request to a
     * pool thread and back cost two thread switches per request (docs/decisions.md, "Where a Lambda request runs").
     */
    static final String THREAD_SELECTION = "micronaut.server.thread-selection";

    /**
     * Whether routes' answers carry a {@code Date} header. Not in Lambda: API Gateway stamps its own {@code Date} on
     * every answer and renames a function's to {@code X-Amzn-Remapped-Date}, so formatting one per request (1.6 % of a
     * warm request's samples, docs/decisions.md) only added a header no client reads. The local server keeps it.
     */
    static final String DATE_HEADER = "micronaut.server.date-header";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.eagerInitSingletons(eagerInit());
    }

    /**
     * The application context builder of every Lambda handler: what Micronaut's {@code LambdaApplicationContextBuilder}
     * sets (environments {@code function} and {@code lambda}, configuration beans at start-up) but singletons on
     * first use. Micronaut's builder makes every singleton eager, and that cannot be undone on it: each API function
     * built the SQS and EventBridge clients of the automation and the event publisher while starting (docs/decisions.md).
     */
    public static ApplicationContextBuilder lambdaContextBuilder() {
        return ApplicationContext.builder()
                .environments(Environment.FUNCTION, LAMBDA_ENVIRONMENT)
                .eagerInitConfiguration(true)
                .eagerInitSingletons(eagerInit())
                .properties(Map.of(THREAD_SELECTION, ThreadSelection.MANUAL.name(), DATE_HEADER, false));
    }

    private static boolean eagerInit() {
        return Boolean.parseBoolean(System.getProperty("vbs.eager-init", System.getenv("VBS_EAGER_INIT")));
    }
}
