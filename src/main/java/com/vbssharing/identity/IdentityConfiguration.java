package com.vbssharing.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Value;

/** The Keystone-compatible sign-in ({@code vbs.identity.*}). */
@ConfigurationProperties("vbs.identity")
public class IdentityConfiguration {

    private final String awsRegion;
    private String region;

    public IdentityConfiguration(@Value("${aws.region}") String awsRegion) {
        this.awsRegion = awsRegion;
    }

    /**
     * The region every catalog endpoint names (env {@code VBS_REGION}, else the AWS region). Clients match it
     * exactly: set it to the region name your tools are configured with (the OTC and Huawei SDKs derive it from
     * the project name unless {@code OS_REGION_NAME} is set).
     */
    public String getRegion() {
        return region == null || region.isBlank() ? awsRegion : region;
    }

    public void setRegion(String region) {
        this.region = region;
    }
}
