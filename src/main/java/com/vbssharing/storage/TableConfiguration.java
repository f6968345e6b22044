package com.vbssharing.storage;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Where the one table lives ({@code vbs.table.*}; the name comes from env {@code VBS_TABLE_NAME}). */
@ConfigurationProperties("vbs.table")
public class TableConfiguration {

    private String name = "vbs-sharing";
    private boolean createIfMissing;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Local runs and tests create the table and its indexes on start; in AWS the SAM template owns it. */
    public boolean isCreateIfMissing() {
        return createIfMissing;
    }

    public void setCreateIfMissing(boolean createIfMissing) {
        this.createIfMissing = createIfMissing;
    }
}
