package com.vbssharing.versions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The version documents of the three APIs this service answers, in the shapes their clients parse: Cinder's
 * ({@code {"versions": [...]}}, read by cinderclient and keystoneauth), the same shape for the VBS v2 API, and
 * Keystone's ({@code {"versions": {"values": [...]}}} and {@code {"version": {...}}}).
 */
public final class VersionDocuments {

    static final String CINDER_DOCS = "https://docs.openstack.org/";

    private VersionDocuments() {
    }

    @Serdeable
    public record Link(String rel, @JsonInclude(JsonInclude.Include.NON_NULL) String type, String href) {
    }

    @Serdeable
    public record MediaType(String base, String type) {
    }

    @Serdeable
    public record Version(String id, String status, String version, @JsonProperty("min_version") String minVersion,
                          String updated, List<Link> links, @JsonProperty("media-types") List<MediaType> mediaTypes) {
    }

    /** Cinder's list shape, for {@code /}, {@code /v3} and {@code /v2}. */
    @Serdeable
    public record VersionList(List<Version> versions) {
    }

    @Serdeable
    public record IdentityVersion(String id, String status, String updated, List<Link> links,
                                  @JsonProperty("media-types") List<MediaType> mediaTypes) {
    }

    @Serdeable
    public record IdentityValues(List<IdentityVersion> values) {
    }

    /** Keystone's {@code GET /}: {@code {"versions": {"values": [...]}}}. */
    @Serdeable
    public record IdentityVersions(IdentityValues versions) {
    }

    /** Keystone's {@code GET /v3}: {@code {"version": {...}}}. */
    @Serdeable
    public record IdentityVersionDocument(IdentityVersion version) {
    }

    /** Block Storage v3, the versions between {@link BackupApiVersions#MIN} and {@link BackupApiVersions#MAX}. */
    public static VersionList blockStorage(String baseUrl) {
        return new VersionList(List.of(new Version("v3.0", "CURRENT", BackupApiVersions.MAX.toString(),
                BackupApiVersions.MIN.toString(), BackupApiVersions.UPDATED,
                List.of(new Link("describedby", "text/html", CINDER_DOCS), new Link("self", null, baseUrl + "/v3/")),
                List.of(new MediaType("application/json", "application/vnd.openstack.volume+json;version=3")))));
    }

    /** The VBS v2 API (backup sharing): no microversions. */
    public static VersionList vbs(String baseUrl) {
        return new VersionList(List.of(new Version("v2.0", "CURRENT", "", "", BackupApiVersions.UPDATED,
                List.of(new Link("self", null, baseUrl + "/v2/")),
                List.of(new MediaType("application/json", "application/vnd.openstack.volume+json;version=2")))));
    }

    /** Keystone v3 as this service speaks it (token exchange only: docs/identity.md). */
    public static IdentityVersion identity(String baseUrl) {
        return new IdentityVersion("v3.14", "stable", "2020-04-07T00:00:00Z",
                List.of(new Link("self", null, baseUrl + "/identity/v3/")),
                List.of(new MediaType("application/json", "application/vnd.openstack.identity-v3+json")));
    }
}
