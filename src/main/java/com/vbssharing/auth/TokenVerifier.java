package com.vbssharing.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checks a token presented outside the request's own headers (the identity endpoint's body, its
 * {@code X-Subject-Token}) with exactly the rules that guard the API: the same validators (signature, expiry,
 * required claims) in the same order.
 */
@Singleton
public class TokenVerifier {

    private final List<TokenValidator<HttpRequest<?>>> validators;

    public TokenVerifier(Collection<TokenValidator<HttpRequest<?>>> validators) {
        this.validators = List.copyOf(validators);
    }

    public Optional<VerifiedToken> verify(String token, HttpRequest<?> request) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Flux.fromIterable(validators)
                .concatMap(validator -> validator.validateToken(token, request))
                .next()
                .blockOptional()
                .map(authentication -> verified(token, authentication));
    }

    private static VerifiedToken verified(String token, Authentication authentication) {
        var claims = authentication.getAttributes();
        return new VerifiedToken(token, authentication.getName(),
                String.valueOf(claims.get(ProjectScopeRule.PROJECT_ID_CLAIM)),
                instant(claims.get("iat")), instant(claims.get("exp")));
    }

    /** A JWT time claim as the validators hand it over: a Date, or seconds since the epoch. */
    private static Instant instant(Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
