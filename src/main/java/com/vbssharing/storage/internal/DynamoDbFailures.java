package com.vbssharing.storage.internal;

import com.vbssharing.api.ServiceUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a DynamoDB call that failed for want of DynamoDB (unreachable, too slow, throttling after the SDK's own
 * retries, failing on its side, or without the table) becomes: a {@link ServiceUnavailableException}, answered 503
 * with {@code Retry-After}. Failures that mean something to the code (a condition, a cancelled transaction, a
 * validation error) pass unchanged. It wraps the client bean (a {@code DynamoDbClient} is an interface), so every
 * call of the adapter is covered; an SDK interceptor may not change an exception's type.
 */
final class DynamoDbFailures implements InvocationHandler {

    private final DynamoDbClient client;
    private final String table;
    /** {@link #implemented} per interface method: a reflective lookup is far dearer than the call it decides on. */
    private final Map<Method, Boolean> implementedByClient = new ConcurrentHashMap<>();

    private DynamoDbFailures(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    static DynamoDbClient wrap(DynamoDbClient client, String table) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[]{DynamoDbClient.class}, new DynamoDbFailures(client, table));
    }

    /** The calls on items; table management (local runs and tests create the table) keeps the SDK's exceptions. */
    private static final Set<String> ITEM_CALLS = Set.of("getItem", "putItem", "updateItem", "deleteItem", "query",
            "scan", "batchGetItem", "batchWriteItem", "transactWriteItems", "transactGetItems");

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (!implemented(method)) {
            // Builder variants and paginators, which the interface implements by calling the request variants: through
            // this proxy, so that the calls they make are translated too.
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw ITEM_CALLS.contains(method.getName()) ? translate(e.getCause()) : e.getCause();
        }
    }

    /** Whether the SDK's client implements the method itself (the interface's defaults only throw or delegate). */
    private boolean implemented(Method method) {
        return implementedByClient.computeIfAbsent(method, this::lookUpImplemented);
    }

    private boolean lookUpImplemented(Method method) {
        try {
            return client.getClass().getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass()
                    != DynamoDbClient.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    Throwable translate(Throwable failure) {
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return unavailable("DynamoDB did not answer in time", 2, failure);
        }
        if (failure instanceof ResourceNotFoundException) {
            return unavailable("the table " + table + " does not exist", 30, failure);
        }
        if (failure instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return unavailable("DynamoDB is throttling requests", 1, failure);
            }
            if (service.statusCode() >= 500) {
                return unavailable("DynamoDB failed (" + service.statusCode() + ")", 2, failure);
            }
            return failure;
        }
        if (failure instanceof SdkClientException) {
            return unavailable("DynamoDB could not be reached", 5, failure);
        }
        return failure;
    }

    private static ServiceUnavailableException unavailable(String what, int retryAfterSeconds, Throwable cause) {
        ServiceUnavailableException unavailable = new ServiceUnavailableException(
                "The backup store is unavailable: " + what + ". Retry later.", retryAfterSeconds);
        unavailable.addSuppressed(cause);
        return unavailable;
    }
}
