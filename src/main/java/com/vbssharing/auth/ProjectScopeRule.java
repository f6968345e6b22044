package com.vbssharing.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Every route under {@code /{project_id}/...} is open only to a token whose {@code project_id} claim is that
 * project. No token: rejected, which Micronaut answers 401; a valid token for another project: rejected
 * while authenticated, which it answers 403. Routes without a project in the path are left to other rules.
 */
@Singleton
public class ProjectScopeRule implements SecurityRule<HttpRequest<?>> {

    public static final String PROJECT_ID_CLAIM = "project_id";
    static final String PROJECT_ID_VARIABLE = "project_id";

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        return Publishers.just(decide(request, authentication));
    }

    private static SecurityRuleResult decide(HttpRequest<?> request, Authentication authentication) {
        Object pathProject = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getVariableValues().get(PROJECT_ID_VARIABLE))
                .orElse(null);
        if (pathProject == null) {
            return SecurityRuleResult.UNKNOWN;
        }
        if (authentication == null) {
            return SecurityRuleResult.REJECTED;
        }
        Object tokenProject = authentication.getAttributes().get(PROJECT_ID_CLAIM);
        return pathProject.toString().equals(tokenProject) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED;
    }

    /** Before {@code @Secured} is consulted, which would allow any authenticated caller. */
    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 100;
    }
}
