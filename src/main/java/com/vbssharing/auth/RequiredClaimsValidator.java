package com.vbssharing.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A token is only good with {@code sub}, {@code project_id} and {@code exp}: a token without an expiry would
 * be valid forever. (Micronaut itself rejects an {@code exp} in the past.)
 */
@Singleton
public class RequiredClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        return isText(claims.get(Claims.SUBJECT))
                && isText(claims.get(ProjectScopeRule.PROJECT_ID_CLAIM))
                && claims.get(Claims.EXPIRATION_TIME) != null;
    }

    private static boolean isText(Object value) {
        return value instanceof String text && !text.isBlank();
    }
}
