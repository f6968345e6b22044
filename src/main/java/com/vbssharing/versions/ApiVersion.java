package com.vbssharing.versions;

/**
 * The microversion negotiated for one {@code /v3} request (absent header: the minimum). Controllers take it as a
 * parameter and ask what it supports.
 */
public record ApiVersion(Microversion value) {

    public static final ApiVersion DEFAULT = new ApiVersion(BackupApiVersions.MIN);

    public boolean atLeast(Microversion version) {
        return value.atLeast(version);
    }

    public boolean supports(BackupFeature feature) {
        return value.atLeast(feature.since());
    }

    /** The header value every {@code /v3} answer carries: {@code volume 3.N}. */
    public String headerValue() {
        return MicroversionHeader.SERVICE + " " + value;
    }
}
