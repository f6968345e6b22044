package com.vbssharing.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Where change events go ({@code vbs.events.*}; the bus name comes from env {@code VBS_EVENT_BUS_NAME}). */
@ConfigurationProperties("vbs.events")
public class EventsConfiguration {

    private String busName = "default";
    private String endpointOverride;

    public String getBusName() {
        return busName;
    }

    public void setBusName(String busName) {
        this.busName = busName;
    }

    /** Another EventBridge endpoint than AWS's, for tests and local runs; null in AWS. */
    @Nullable
    public String getEndpointOverride() {
        return endpointOverride;
    }

    public void setEndpointOverride(@Nullable String endpointOverride) {
        this.endpointOverride = endpointOverride;
    }
}
