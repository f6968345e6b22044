package com.vbssharing.backup.worker;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.storage.internal.RawTable;
import com.vbssharing.support.Api;
import com.vbssharing.support.Backups;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.TableStream;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup worker's Lambda entry point, fed the real stream records DynamoDB Local wrote. */
class BackupStreamHandlerTest {

    @Test
    void theInsertRecordOfACreatingBackupCompletesIt() {
        Api.Caller owner = HttpApi.get().as(Tokens.newProjectId());
        String backupId = Backups.createAvailable(owner, "via-lambda");
        // The local poller completed it already; put it back to creating, as if the worker had not run yet.
        RawTable.resetStatus(owner.projectId(), backupId, BackupStatus.CREATING);
        List<Record> records = TableStream.recordsOf(List.of(owner.projectId()));
        assertTrue(records.stream().anyMatch(r -> r.eventNameAsString().equals("INSERT")), records::toString);

        try (ApplicationContext context = ApplicationContext.builder().environments("test")
                .properties(TestApp.quietContextProperties()).start()) {
            StreamsEventResponse response = new BackupStreamHandler(context)
                    .handleRequest(TableStream.lambdaEvent(records), new MockLambdaContext());
            assertEquals(List.of(), response.getBatchItemFailures());
            Backup backup = context.getBean(BackupRepository.class).find(owner.projectId(), backupId).orElseThrow();
            assertEquals(BackupStatus.AVAILABLE, backup.status());
            assertNotNull(backup.dataTimestamp());
        }
    }
}
