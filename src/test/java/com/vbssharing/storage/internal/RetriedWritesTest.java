package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.storage.TableConfiguration;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.Tokens;
import com.vbssharing.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes the client sends again after an attempt timed out that DynamoDB had applied all the same. A transaction
 * is answered as committed (its idempotency token, the same on every attempt), and fails on its own conditions
 * without it; a new backup's conditional put finds its own item in the way and takes it for written.
 */
class RetriedWritesTest {

    private final DynamoDbClient dynamoDb = TestApp.get().context().getBean(DynamoDbClient.class);
    private final String table = TestApp.get().context().getBean(TableConfiguration.class).getName();

    /** Items of no known type: removed again, for the invariant checks other tests run on the shared table. */
    private final List<Map<String, AttributeValue>> written = new ArrayList<>();

    @AfterEach
    void removeItems() {
        written.forEach(key -> dynamoDb.deleteItem(b -> b.tableName(table).key(key)));
    }

    @Test
    void aCommittedTransactionSentAgainWithItsTokenIsAnsweredAsCommitted() {
        Transaction<String> transaction = newItems();
        assertTrue(transaction.execute(dynamoDb).isEmpty(), "committed");
        dynamoDb.transactWriteItems(b -> b.transactItems(transaction.writes())
                .clientRequestToken(transaction.idempotencyToken()));
    }

    @Test
    void withoutItsTokenTheSameWritesFailTheirConditions() {
        Transaction<String> transaction = newItems();
        assertTrue(transaction.execute(dynamoDb).isEmpty(), "committed");
        TransactionCanceledException again = assertThrows(TransactionCanceledException.class,
                () -> dynamoDb.transactWriteItems(b -> b.transactItems(transaction.writes())));
        assertEquals(Transaction.CONDITION_FAILED, again.cancellationReasons().get(0).code());
    }

    @Test
    void aNewBackupPutAgainIsTakenForWritten() {
        BackupTransactions transactions = TestApp.get().context().getBean(BackupTransactions.class);
        Backup backup = Fixtures.backup(Tokens.newProjectId(), "retried", BackupStatus.CREATING);
        transactions.insert(backup);
        Backup other = backup.toBuilder().name("another").build();
        assertThrows(ConditionalCheckFailedException.class, () -> transactions.insert(other),
                "a different backup under the same id is refused");
    }

    private Transaction<String> newItems() {
        String id = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = Map.of(Keys.PK, AttributeValue.fromS("TEST#" + id),
                Keys.SK, AttributeValue.fromS("TEST#" + id));
        Map<String, AttributeValue> other = Map.of(Keys.PK, AttributeValue.fromS("TEST#" + id),
                Keys.SK, AttributeValue.fromS("TEST#" + id + "#2"));
        written.add(item);
        written.add(other);
        return new Transaction<String>()
                .add("one", TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk)")).build())
                .add("two", TransactWriteItem.builder().put(p -> p.tableName(table).item(other)
                        .conditionExpression("attribute_not_exists(pk)")).build());
    }
}
