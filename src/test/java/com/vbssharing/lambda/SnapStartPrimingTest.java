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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapStartPrimingTest {

    @Test
    void primingRunsTheRequestPathThroughDynamoDbAndWritesNothing() {
        try (RecordingApp app = RecordingApp.start(Map.of())) {
            ApplicationContext context = app.context();
            assertTrue(context.findBean(SnapStartPriming.class).isPresent(), "created at start-up, before any request");
            DynamoDbCallRecorder recorder = app.recorder();
            recorder.drain();

            context.getBean(SnapStartPriming.class).beforeCheckpoint(null);

            List<String> operations = recorder.drainOperations();
            // client warm-up, get backup (404), list shares (empty), share an unknown backup (cancelled)
            assertEquals(List.of("GetItem", "GetItem", "Query", "TransactWriteItems"), operations.subList(0, 4));
            assertTrue(context.getBean(BackupRepository.class).listByProject(SnapStartPriming.PROJECT).isEmpty());
            ShareRepository shares = context.getBean(ShareRepository.class);
            assertTrue(shares.page(SnapStartPriming.PROJECT, ShareListQuery.sharedByMe(), Optional.empty()).isEmpty());
            assertEquals(0, shares.count(SnapStartPriming.TARGET, ShareListQuery.sharedWithMe()));
        }
    }
}
