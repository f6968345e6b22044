package com.vbssharing.backup;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Backup settings ({@code vbs.backup.*}). */
@ConfigurationProperties("vbs.backup")
public class BackupConfiguration {

    private String availabilityZone = "az1";

    /** The availability zone reported on every backup (env {@code VBS_AVAILABILITY_ZONE}). */
    public String getAvailabilityZone() {
        return availabilityZone;
    }

    public void setAvailabilityZone(String availabilityZone) {
        this.availabilityZone = availabilityZone;
    }
}
