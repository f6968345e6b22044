package com.vbssharing.lambda;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * Start-up switches applied to every application context, the Lambda handlers' included (they build theirs
 * without our code in between). {@code VBS_EAGER_INIT=true} (or {@code -Dvbs.eager-init=true}) creates every
 * singleton while the context starts instead of on first use; off by default, because it slows a cold start
 * (docs/performance.md).
 */
@ContextConfigurer
public class StartupConfigurer implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (Boolean.parseBoolean(System.getProperty("vbs.eager-init", System.getenv("VBS_EAGER_INIT")))) {
            builder.eagerInitSingletons(true);
        }
    }
}
