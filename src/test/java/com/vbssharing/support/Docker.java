package com.vbssharing.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Whether container tests can run. Without a Docker engine they are skipped on a developer's machine, and fail
 * where {@code VBS_REQUIRE_CONTAINERS=true} (CI sets it): a skipped container test in CI is a failure.
 */
public final class Docker {

    private Docker() {
    }

    public static void require() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return;
        }
        String why = "No Docker engine: start dockerd (README, Testing) to run the container tests";
        if (Boolean.parseBoolean(System.getenv("VBS_REQUIRE_CONTAINERS"))) {
            Assertions.fail(why + " (VBS_REQUIRE_CONTAINERS=true)");
        }
        Assumptions.abort(why);
    }
}
