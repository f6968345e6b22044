package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.observability.Invocation;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository.Side;
import com.vbssharing.storage.StoragePriming;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The priming answers, read back by the SDK's own client: what DynamoDB would send, and only while priming. */
class PrimingAnswersTest {

    private static final String TABLE = "priming-test";

    /** Stands in for DynamoDB as priming finds it: nothing there, every call refused. */
    private static final class RefusingHttpClient implements SdkHttpClient {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger bodiesReadToTheEnd = new AtomicInteger();
        final AtomicInteger bodiesClosed = new AtomicInteger();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    calls.incrementAndGet();
                    byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                            + "\"message\":\"Requested resource not found\"}").getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(400)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0").build())
                            .responseBody(AbortableInputStream.create(new FilterInputStream(new ByteArrayInputStream(body)) {
                                @Override
                                public int read(byte[] buffer, int offset, int length) throws IOException {
                                    int read = super.read(buffer, offset, length);
                                    if (read < 0) {
                                        bodiesReadToTheEnd.incrementAndGet();
                                    }
                                    return read;
                                }

                                @Override
                                public void close() {
                                    bodiesClosed.incrementAndGet();
                                }
                            }))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private final RefusingHttpClient dynamoDb = new RefusingHttpClient();
    private final DynamoDbClient client = DynamoDbClient.builder()
            .httpClient(new PrimingAnswers(dynamoDb, TABLE))
            .endpointOverride(URI.create("http://127.0.0.1:1"))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
            .build();

    private static <T> T priming(Supplier<T> call) {
        Object[] result = new Object[1];
        Invocation.prime(() -> result[0] = call.get());
        @SuppressWarnings("unchecked")
        T answer = (T) result[0];
        return answer;
    }

    @Test
    void primingReadsFindItemsOurCodecsDecode() {
        GetItemResponse got = priming(() -> client.getItem(r -> r.tableName(TABLE)
                .key(BackupCodec.key(StoragePriming.PROJECT, StoragePriming.BACKUP))));
        Backup backup = BackupCodec.fromItem(got.item());
        assertEquals(StoragePriming.BACKUP, backup.id());
        assertEquals(StoragePriming.PROJECT, backup.projectId());
        assertEquals(1.0, got.consumedCapacity().capacityUnits());

        QueryResponse page = priming(() -> client.query(sharesOfPrimingProject()));
        assertEquals(25, page.items().size());
        List<Share> shares = page.items().stream().map(ShareCodec::fromItem).toList();
        assertTrue(shares.stream().allMatch(share -> share.fromProjectId().equals(StoragePriming.PROJECT)
                && share.toProjectId().equals(StoragePriming.TARGET)));

        BatchGetItemResponse backups = priming(() -> client.batchGetItem(r -> r.requestItems(Map.of(TABLE,
                KeysAndAttributes.builder().keys(BackupCodec.key(StoragePriming.PROJECT, shares.get(0).backupId()))
                        .build()))));
        List<String> backupIds = backups.responses().get(TABLE).stream().map(item -> BackupCodec.fromItem(item).id())
                .toList();
        assertEquals(shares.stream().map(Share::backupId).toList(), backupIds, "the page's backups, joined by id");
    }

    @Test
    void primingWritesSucceedWithConsumedCapacity() {
        TransactWriteItemsResponse written = priming(() -> client.transactWriteItems(r -> r.transactItems(
                t -> t.conditionCheck(c -> c.tableName(TABLE).key(BackupCodec.key(StoragePriming.PROJECT, "b"))
                        .conditionExpression("attribute_exists(pk)")))));
        assertEquals(TABLE, written.consumedCapacity().get(0).tableName());
    }

    @Test
    void everyPrimingCallStillGoesToDynamoDbAndItsAnswerIsReadToTheEnd() {
        priming(() -> client.getItem(r -> r.tableName(TABLE).key(BackupCodec.key(StoragePriming.PROJECT, "b"))));
        assertEquals(1, dynamoDb.calls.get());
        assertEquals(1, dynamoDb.bodiesReadToTheEnd.get(), "read to its end, so the connection is kept");
        assertEquals(1, dynamoDb.bodiesClosed.get());

        // Once priming has ended, the same thread gets DynamoDB's answers again.
        assertThrows(ResourceNotFoundException.class, () -> client.getItem(r -> r.tableName(TABLE)
                .key(BackupCodec.key(StoragePriming.PROJECT, "b"))));
    }

    @Test
    void primingNeverSendsAWriteOutsideATransaction() {
        Map<String, AttributeValue> item = BackupCodec.key(StoragePriming.PROJECT, StoragePriming.BACKUP);
        List<Runnable> writes = List.of(
                () -> client.putItem(r -> r.tableName(TABLE).item(item)),
                () -> client.updateItem(r -> r.tableName(TABLE).key(item).updateExpression("SET a = :a")
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a")))),
                () -> client.deleteItem(r -> r.tableName(TABLE).key(item)),
                () -> client.batchWriteItem(r -> r.requestItems(Map.of(TABLE,
                        List.of(WriteRequest.builder().deleteRequest(d -> d.key(item)).build())))));
        for (Runnable write : writes) {
            assertThrows(SdkClientException.class, () -> priming(() -> {
                write.run();
                return null;
            }));
        }
        assertEquals(0, dynamoDb.calls.get(), "none was sent");
    }

    @Test
    void outsidePrimingDynamoDbAnswers() {
        assertThrows(ResourceNotFoundException.class, () -> client.getItem(r -> r.tableName(TABLE)
                .key(BackupCodec.key(StoragePriming.PROJECT, StoragePriming.BACKUP))));
        assertThrows(ResourceNotFoundException.class, () -> client.query(sharesOfPrimingProject()));
        assertThrows(ResourceNotFoundException.class, () -> client.transactWriteItems(r -> r.transactItems(
                t -> t.conditionCheck(c -> c.tableName(TABLE).key(BackupCodec.key(StoragePriming.PROJECT, "b"))
                        .conditionExpression("attribute_exists(pk)")))));
    }

    @Test
    void whilePrimingCallsAboutOtherProjectsGetDynamoDbsAnswer() {
        assertThrows(ResourceNotFoundException.class, () -> priming(() -> client.getItem(r -> r.tableName(TABLE)
                .key(BackupCodec.key(Tokens.newProjectId(), StoragePriming.BACKUP)))));
    }

    @Test
    void whilePrimingCallsThePrimingRequestsDoNotMakeGetDynamoDbsAnswer() {
        // A Query of the project's partition (the backup listing), not of a share index.
        assertThrows(ResourceNotFoundException.class, () -> priming(() -> client.query(r -> r.tableName(TABLE)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.project(StoragePriming.PROJECT)))))));
        assertThrows(ResourceNotFoundException.class, () -> priming(() -> client.scan(r -> r.tableName(TABLE)
                .filterExpression("project_id = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(StoragePriming.PROJECT))))));
    }

    private static QueryRequest sharesOfPrimingProject() {
        return QueryRequest.builder().tableName(TABLE).indexName(ShareCodec.indexName(Side.SHARED_WITH))
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ShareCodec.indexPartitionAttribute(Side.SHARED_WITH)))
                .expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(ShareCodec.indexPartition(Side.SHARED_WITH, StoragePriming.PROJECT))))
                .build();
    }
}
