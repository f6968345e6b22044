package com.vbssharing.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Which tokens are accepted ({@code vbs.auth.*}): HS256 signed with {@code jwtSecret} (env
 * {@code VBS_AUTH_JWT_SECRET}) and/or RS256 signed with a key of the JWKS at {@code jwksUrl} (env
 * {@code VBS_AUTH_JWKS_URL}). Each algorithm is accepted only when its key source is configured.
 */
@ConfigurationProperties("vbs.auth")
public class AuthConfiguration {

    /** HS256 needs a 256-bit key (RFC 7518). */
    public static final int MIN_SECRET_BYTES = 32;

    private String jwtSecret;
    private String jwksUrl;
    private int clockSkewSeconds = 60;
    private int jwksCacheSeconds = 3600;
    private int verifiedTokenCacheSeconds = 300;

    @Nullable
    public String getJwtSecret() {
        return jwtSecret;
    }

    public void setJwtSecret(@Nullable String jwtSecret) {
        this.jwtSecret = jwtSecret;
    }

    @Nullable
    public String getJwksUrl() {
        return jwksUrl;
    }

    public void setJwksUrl(@Nullable String jwksUrl) {
        this.jwksUrl = jwksUrl;
    }

    /** How far the issuer's clock may be ahead of ours for {@code nbf} and {@code iat}, and behind for {@code exp}. */
    public int getClockSkewSeconds() {
        return clockSkewSeconds;
    }

    public void setClockSkewSeconds(int clockSkewSeconds) {
        this.clockSkewSeconds = clockSkewSeconds;
    }

    /** How long a fetched JWKS is used before it is fetched again (a token with an unknown key id refetches). */
    public int getJwksCacheSeconds() {
        return jwksCacheSeconds;
    }

    public void setJwksCacheSeconds(int jwksCacheSeconds) {
        this.jwksCacheSeconds = jwksCacheSeconds;
    }

    /**
     * How long an accepted token is taken as verified without checking it again (never past its expiry); 0 checks
     * every request's token.
     */
    public int getVerifiedTokenCacheSeconds() {
        return verifiedTokenCacheSeconds;
    }

    public void setVerifiedTokenCacheSeconds(int verifiedTokenCacheSeconds) {
        this.verifiedTokenCacheSeconds = verifiedTokenCacheSeconds;
    }

    public boolean hasSecret() {
        return jwtSecret != null && !jwtSecret.isBlank();
    }

    public boolean hasJwks() {
        return jwksUrl != null && !jwksUrl.isBlank();
    }
}
