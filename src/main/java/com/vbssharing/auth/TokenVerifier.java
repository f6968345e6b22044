package com.vbssharing.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.vbssharing.api.ServiceUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one check every token goes through (the API's and the identity endpoint's), built on Nimbus JOSE + JWT:
 * <ul>
 *   <li>the signature: HS256 with the configured secret, RS256 with a key of the configured JWKS; no other
 *   algorithm, and each only when its key source is configured (an RSA key does not make PS256 or RS512 valid);</li>
 *   <li>the claims: {@code exp} required and not past; {@code nbf} and {@code iat} not in the future; {@code sub}
 *   a string of 1–255 printable characters; {@code project_id} 32 letters or digits. Times allow the configured
 *   clock skew.</li>
 * </ul>
 * Anything else is no token. Why a token failed is logged (debug), never told to the caller. An RS256 token
 * that cannot be checked because the JWKS cannot be fetched (and no keys fetched earlier are at hand) is neither
 * good nor bad: {@link ServiceUnavailableException}.
 * <p>
 * An accepted token is remembered for a while ({@link VerifiedTokenCache}), so a caller's next requests skip the
 * check; expiry still applies to them.
 */
@Singleton
public class TokenVerifier {

    public static final String PROJECT_ID_CLAIM = "project_id";
    private static final int JWKS_RETRY_AFTER_SECONDS = 5;
    private static final long JWKS_OUTAGE_TOLERANCE_MILLIS = 24 * 3600 * 1000L;
    private static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9]{32}$");
    private static final Pattern SUBJECT = Pattern.compile("^[\\x21-\\x7E][\\x20-\\x7E]{0,254}$");
    /** A token is a header, a payload and a signature; anything longer than this is no token of ours. */
    private static final int MAX_TOKEN_LENGTH = 8192;
    /** One Lambda instance serves one caller at a time; a thousand tokens is far more than it sees in minutes. */
    private static final int VERIFIED_TOKENS_KEPT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);

    private final AuthConfiguration configuration;
    private final Clock clock;
    private final JWSVerifier secretVerifier;
    private final JWKSource<SecurityContext> keySet;
    private final VerifiedTokenCache verifiedTokens;

    public TokenVerifier(AuthConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.secretVerifier = configuration.hasSecret() ? macVerifier(configuration.getJwtSecret()) : null;
        this.keySet = configuration.hasJwks() ? keySet(configuration) : null;
        this.verifiedTokens = configuration.getVerifiedTokenCacheSeconds() > 0
                ? new VerifiedTokenCache(clock, Duration.ofSeconds(configuration.getVerifiedTokenCacheSeconds()),
                        Duration.ofSeconds(configuration.getClockSkewSeconds()), VERIFIED_TOKENS_KEPT)
                : null;
    }

    public Optional<VerifiedToken> verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        if (verifiedTokens == null) {
            return check(token);
        }
        Optional<VerifiedToken> remembered = verifiedTokens.get(token);
        if (remembered.isPresent()) {
            return remembered;
        }
        Optional<VerifiedToken> verified = check(token);
        verified.ifPresent(verifiedTokens::put);
        return verified;
    }

    private Optional<VerifiedToken> check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSVerifier verifier = verifierFor(jwt.getHeader());
            if (verifier == null || !jwt.verify(verifier)) {
                LOG.debug("Token refused: algorithm {} not accepted or bad signature", jwt.getHeader().getAlgorithm());
                return Optional.empty();
            }
            return claims(token, jwt.getJWTClaimsSet(), jwt.getPayload().toJSONObject());
        } catch (ServiceUnavailableException e) {
            throw e;
        } catch (ParseException | JOSEException | RuntimeException e) {
            LOG.debug("Token refused: {}", e.toString());
            return Optional.empty();
        }
    }

    private JWSVerifier verifierFor(JWSHeader header) throws JOSEException {
        if (JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
            return secretVerifier;
        }
        if (JWSAlgorithm.RS256.equals(header.getAlgorithm()) && keySet != null) {
            JWKMatcher matcher = new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(header.getKeyID())
                    .keyUses(KeyUse.SIGNATURE, null).build();
            List<JWK> keys;
            try {
                keys = keySet.get(new JWKSelector(matcher), null);
            } catch (KeySourceException e) {
                // Not the caller's fault, and no reason to call the token bad: the provider is down (and no keys
                // fetched earlier are at hand).
                LOG.warn("The identity provider's keys could not be fetched: {}", e.toString());
                throw new ServiceUnavailableException("The identity provider's signing keys could not be fetched. "
                        + "Retry later.", JWKS_RETRY_AFTER_SECONDS);
            }
            return keys.isEmpty() ? null : new RSASSAVerifier((RSAKey) keys.get(0));
        }
        return null;
    }

    private Optional<VerifiedToken> claims(String token, JWTClaimsSet claims, Map<String, Object> payload) {
        Instant now = clock.instant();
        long skew = configuration.getClockSkewSeconds();
        Date expiry = claims.getExpirationTime();
        if (expiry == null || expiry.toInstant().plusSeconds(skew).isBefore(now)) {
            return refused("no exp, or expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minusSeconds(skew).isAfter(now)) {
            return refused("nbf in the future");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().minusSeconds(skew).isAfter(now)) {
            return refused("iat in the future");
        }
        // The payload as sent: the parsed claims set turns a numeric "sub" into a string.
        Object subject = payload.get("sub");
        if (!(subject instanceof String sub) || !SUBJECT.matcher(sub).matches()) {
            return refused("sub is not a string of 1-255 printable characters");
        }
        Object project = claims.getClaim(PROJECT_ID_CLAIM);
        if (!(project instanceof String projectId) || !PROJECT_ID.matcher(projectId).matches()) {
            return refused("project_id is not 32 letters or digits");
        }
        return Optional.of(new VerifiedToken(token, sub, projectId,
                issued == null ? null : issued.toInstant(), expiry.toInstant()));
    }

    private static Optional<VerifiedToken> refused(String why) {
        LOG.debug("Token refused: {}", why);
        return Optional.empty();
    }

    private static JWSVerifier macVerifier(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < AuthConfiguration.MIN_SECRET_BYTES) {
            throw new IllegalStateException("VBS_AUTH_JWT_SECRET must be at least "
                    + AuthConfiguration.MIN_SECRET_BYTES + " bytes for HS256");
        }
        try {
            return new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identity provider's keys, cached; a key id not in the cache makes it fetch again (key rotation). */
    private static JWKSource<SecurityContext> keySet(AuthConfiguration configuration) {
        try {
            return JWKSourceBuilder.create(URI.create(configuration.getJwksUrl()).toURL())
                    .cache(configuration.getJwksCacheSeconds() * 1000L, 15_000L)
                    .retrying(true)
                    // While the provider is down, the keys last fetched stay in use this long.
                    .outageTolerant(JWKS_OUTAGE_TOLERANCE_MILLIS)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("VBS_AUTH_JWKS_URL is not a URL: " + configuration.getJwksUrl(), e);
        }
    }
}
