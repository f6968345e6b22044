package com.vbssharing.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of the API operation a controller method serves. The same name is the operation's {@code operationId}
 * in the OpenAPI document, the {@code operation} field of its request log line and the {@code Operation}
 * dimension of its metrics, so one name leads from the API description to the logs, metrics and dashboard.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OperationId {

    String value();
}
