package com.vbssharing.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The routes of a controller need a valid token; with a {@code {project_id}} in the path, a token of that project
 * ({@link AuthenticationFilter}). Routes without it are open (version discovery; the identity endpoint checks
 * the tokens it is given itself).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
}
