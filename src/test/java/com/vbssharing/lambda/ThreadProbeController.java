package com.vbssharing.lambda;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.MediaType;

/** Test-only route that answers with the name of the thread it ran on (StartupConfigurerTest). */
@Controller("/thread-probe")
@Requires(property = ThreadProbeController.ENABLED, value = "true")
public class ThreadProbeController {

    static final String ENABLED = "vbs.test.thread-probe";

    @Get
    @Produces(MediaType.TEXT_PLAIN)
    public String threadName() {
        return Thread.currentThread().getName();
    }
}
