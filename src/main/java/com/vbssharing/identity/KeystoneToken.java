package com.vbssharing.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.vbssharing.auth.VerifiedToken;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * A token in Keystone v3's shape ({@code {"token": {...}}}): what keystoneauth, gophercloud, the OTC/Huawei Go
 * SDKs and openstack4j read after signing in. The token itself is the one presented: Keystone's clients keep
 * whatever {@code X-Subject-Token} holds, and a token valid no longer than the one presented is that one.
 */
public final class KeystoneToken {

    /** Keystone's timestamps: microseconds and a literal Z ({@code 2015-11-05T22:00:11.000000Z}). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Domain DEFAULT_DOMAIN = new Domain("default", "Default");

    private KeystoneToken() {
    }

    @Serdeable
    public record Domain(String id, String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record User(String id, String name, Domain domain,
                       @JsonProperty("password_expires_at") String passwordExpiresAt) {
    }

    @Serdeable
    public record Project(String id, String name, Domain domain) {
    }

    @Serdeable
    public record Role(String id, String name) {
    }

    /** Unscoped tokens have no project, roles or catalog; a token asked for without a catalog has none. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(List<String> methods, User user, @JsonProperty("audit_ids") List<String> auditIds,
                       @JsonProperty("expires_at") String expiresAt, @JsonProperty("issued_at") String issuedAt,
                       Project project, @JsonProperty("is_domain") Boolean isDomain, List<Role> roles,
                       List<ServiceCatalog.Service> catalog) {
    }

    @Serdeable
    public record Envelope(Body token) {
    }

    /** The member role every project-scoped token carries: the token grants its project, nothing more. */
    static final Role MEMBER = new Role("9fe2ff9ee4384b1894a90878d3e92bab", "member");

    static Envelope of(VerifiedToken token, boolean projectScoped, List<ServiceCatalog.Service> catalog, Clock clock) {
        Instant issued = token.issuedAt() != null ? token.issuedAt() : clock.instant();
        User user = new User(token.subject(), token.subject(), DEFAULT_DOMAIN, null);
        Body body = projectScoped
                ? new Body(List.of("token"), user, List.of(auditId(token.token())), time(token.expiresAt()), time(issued),
                        new Project(token.projectId(), token.projectId(), DEFAULT_DOMAIN), false, List.of(MEMBER), catalog)
                : new Body(List.of("token"), user, List.of(auditId(token.token())), time(token.expiresAt()), time(issued),
                        null, null, null, null);
        return new Envelope(body);
    }

    static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Keystone's audit ids are 22 URL-safe characters; ours name the token without revealing it. */
    private static String auditId(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
