package com.vbssharing.storage.internal;

import com.vbssharing.api.ServiceUnavailableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wrapper every DynamoDB client bean is: complete, and translating exactly the calls on items. */
class FailureTranslatingDynamoDbClientTest {

    private static final SdkClientException UNREACHABLE = SdkClientException.create("Unable to execute HTTP request");

    /** Stands in for the SDK's client: every call fails as an unreachable DynamoDB would make it fail. */
    private static final DynamoDbClient UNREACHABLE_CLIENT = new DynamoDbClient() {
        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            throw UNREACHABLE;
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            throw UNREACHABLE;
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
        }

        @Override
        public CreateTableResponse createTable(CreateTableRequest request) {
            throw UNREACHABLE;
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };

    private final DynamoDbClient client = DynamoDbFailures.wrap(UNREACHABLE_CLIENT, "table");

    /** An operation left out would throw UnsupportedOperationException (the interface's default) instead of calling DynamoDB. */
    @Test
    void delegatesEveryOperationOfTheSdksClient() {
        List<String> missing = Arrays.stream(DynamoDbClient.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                        && DynamoDbRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                        // The paginators are the interface's own: they call the operations on the wrapper.
                        && !m.getName().endsWith("Paginator"))
                .filter(m -> !declared(m))
                .map(Method::getName)
                .toList();
        assertEquals(List.of(), missing);
        for (String other : List.of("waiter", "serviceName", "serviceClientConfiguration", "close")) {
            assertTrue(Arrays.stream(FailureTranslatingDynamoDbClient.class.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(other)), other);
        }
    }

    @Test
    void aCallOnItemsThatCannotReachDynamoDbIsA503() {
        ServiceUnavailableException failure = assertThrows(ServiceUnavailableException.class,
                () -> client.getItem(b -> b.tableName("table")));
        assertEquals(5, failure.retryAfterSeconds());
        assertTrue(failure.getMessage().contains("DynamoDB could not be reached"), failure.getMessage());
    }

    @Test
    void thePaginatorsCallsAreTranslatedToo() {
        assertThrows(ServiceUnavailableException.class,
                () -> client.queryPaginator(b -> b.tableName("table")).items().iterator().hasNext());
    }

    @Test
    void aFailureThatMeansSomethingToTheCodePassesUnchanged() {
        assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName("table")));
    }

    @Test
    void tableManagementKeepsTheSdksExceptions() {
        assertSame(UNREACHABLE, assertThrows(SdkClientException.class, () -> client.createTable(b -> b.tableName("t"))));
        assertEquals("dynamodb", client.serviceName());
    }

    private static boolean declared(Method method) {
        try {
            FailureTranslatingDynamoDbClient.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
