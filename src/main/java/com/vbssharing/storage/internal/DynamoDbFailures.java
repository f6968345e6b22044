package com.vbssharing.storage.internal;

import com.vbssharing.api.ServiceUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * What a DynamoDB call that failed for want of DynamoDB (unreachable, too slow, throttling after the SDK's own
 * retries, failing on its side, or without the table) becomes: a {@link ServiceUnavailableException}, answered 503
 * with {@code Retry-After}. Failures that mean something to the code (a condition, a cancelled transaction, a
 * validation error) pass unchanged. The client bean is wrapped ({@link FailureTranslatingDynamoDbClient}), so every
 * call of the adapter is covered; an SDK interceptor may not change an exception's type.
 */
final class DynamoDbFailures {

    private final String table;

    private DynamoDbFailures(String table) {
        this.table = table;
    }

    static DynamoDbClient wrap(DynamoDbClient client, String table) {
        return new FailureTranslatingDynamoDbClient(client, new DynamoDbFailures(table));
    }

    RuntimeException translate(RuntimeException failure) {
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
