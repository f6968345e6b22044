package com.vbssharing.auth;

import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * RS256 tokens from an identity provider (Cognito or any OIDC issuer), checked against its JWKS, when
 * {@code vbs.auth.jwks-url} (env {@code VBS_AUTH_JWKS_URL}) is set. HS256 with the shared secret stays on.
 * Micronaut builds its (non-blocking) JWKS signature for each such configuration bean.
 */
@Factory
@Requires(property = "vbs.auth.jwks-url", pattern = ".+")
public class JwksSignatureFactory {

    private static final int KEY_SET_CACHE_SECONDS = 3600;

    @Singleton
    @Named("identity-provider")
    JwksSignatureConfiguration identityProvider(@Value("${vbs.auth.jwks-url}") String url) {
        return new JwksSignatureConfiguration() {
            @Override
            public String getUrl() {
                return url;
            }

            @Override
            public KeyType getKeyType() {
                return KeyType.RSA;
            }

            @Override
            public Integer getCacheExpiration() {
                return KEY_SET_CACHE_SECONDS;
            }

            @Override
            public String getName() {
                return "identity-provider";
            }
        };
    }
}
