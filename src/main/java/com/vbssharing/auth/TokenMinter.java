package com.vbssharing.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

/**
 * Signs an HS256 token with the configured secret, for use inside this process only (SnapStart priming sends
 * requests through the handler with one). Empty when no secret is configured (JWKS only).
 */
@Singleton
public class TokenMinter {

    private final AuthConfiguration configuration;
    private final Clock clock;

    public TokenMinter(AuthConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Whether {@link #mint} gives tokens: only with a secret to sign them. */
    public boolean canMint() {
        return configuration.hasSecret();
    }

    public Optional<String> mint(String subject, String projectId, Duration validity) {
        if (!canMint()) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .claim(TokenVerifier.PROJECT_ID_CLAIM, projectId)
                    .issueTime(Date.from(clock.instant()))
                    .expirationTime(Date.from(clock.instant().plus(validity)))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(configuration.getJwtSecret().getBytes(StandardCharsets.UTF_8)));
            return Optional.of(jwt.serialize());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
