package com.vbssharing.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.jwks.JwkSetFetcher;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignature;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * RS256 tokens from an identity provider (Cognito or any OIDC issuer), checked against its JWKS, when
 * {@code vbs.auth.jwks-url} (env {@code VBS_AUTH_JWKS_URL}) is set. HS256 with the shared secret stays on.
 */
@Factory
@Requires(property = "vbs.auth.jwks-url", pattern = ".+")
public class JwksSignatureFactory {

    @Singleton
    @Named("identity-provider")
    JwksSignature identityProviderSignature(@Value("${vbs.auth.jwks-url}") String url,
                                            JwkValidator validator, JwkSetFetcher<JWKSet> fetcher) {
        return new JwksSignature(new JwksSignatureConfiguration() {
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
                return 3600;
            }

            @Override
            public String getName() {
                return "identity-provider";
            }
        }, validator, fetcher);
    }
}
