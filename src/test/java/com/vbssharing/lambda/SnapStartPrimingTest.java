package com.vbssharing.lambda;

import com.vbssharing.backup.BackupRepository;
import com.vbssharing.sharing.ShareListQuery;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.support.DynamoDbCallRecorder;
import com.vbssharing.support.RecordingApp;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapStartPrimingTest {

    @Test
    void primingRunsTheSuccessPathThroughDynamoDbAndWritesNothing() {
        try (RecordingApp app = RecordingApp.start(Map.of())) {
            ApplicationContext context = app.context();
            assertTrue(context.findBean(SnapStartPriming.class).isPresent(), "created at start-up, before any request");
            DynamoDbCallRecorder recorder = app.recorder();
            recorder.drain();

            List<Integer> statuses = context.getBean(SnapStartPriming.class).prime();

            // Every request succeeded: DynamoDB's answers (nothing found, the share refused) were replaced. This
            // context hands routes to a pool thread (a server's thread selection), so the storage adapter saw the
            // priming flag on the request, not on the invocation's thread.
            assertFalse(statuses.isEmpty());
            assertEquals(0, statuses.size() % 3, "whole rounds, at most SnapStartPriming.ROUNDS within its budget");
            assertTrue(statuses.stream().allMatch(status -> status == 200), statuses.toString());
            List<String> operations = recorder.drainOperations();
            // client warm-up, get backup, list shares and their backups, share a backup
            assertEquals(List.of("GetItem", "GetItem", "Query", "BatchGetItem", "TransactWriteItems"),
                    operations.subList(0, 5));
            // Nothing was written, and outside priming DynamoDB's own answers come through.
            BackupRepository backups = context.getBean(BackupRepository.class);
            assertTrue(backups.find(SnapStartPriming.PROJECT, SnapStartPriming.BACKUP).isEmpty());
            assertTrue(backups.listByProject(SnapStartPriming.PROJECT).isEmpty());
            ShareRepository shares = context.getBean(ShareRepository.class);
            assertTrue(shares.page(SnapStartPriming.PROJECT, ShareListQuery.sharedByMe(), Optional.empty()).isEmpty());
            assertEquals(0, shares.count(SnapStartPriming.TARGET, ShareListQuery.sharedWithMe()));
        }
    }
}
