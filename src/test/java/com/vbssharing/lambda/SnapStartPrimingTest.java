package com.vbssharing.lambda;

import com.vbssharing.backup.BackupRepository;
import com.vbssharing.sharing.ShareListQuery;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.support.DynamoDbCallRecorder;
import com.vbssharing.support.RecordingApp;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaContextFactory;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    @Test
    void primingRequestsCarryALambdaContextAsTheRuntimeHandsEveryInvocationOne() {
        try (RecordingApp app = RecordingApp.start(Map.of())) {
            ApplicationContext context = app.context();
            assertTrue(context.getActiveBeanRegistrations(LambdaContextFactory.class).isEmpty());

            context.getBean(SnapStartPriming.class).prime();

            // Micronaut's handler looks this factory up only for an invocation with a context: primed without one,
            // that first lookup fell to the first request after a restore.
            assertFalse(context.getActiveBeanRegistrations(LambdaContextFactory.class).isEmpty());
        }
    }

    @Test
    void everyPrimingRequestBringsATokenTheVerifierHasNotSeen() {
        try (RecordingApp app = RecordingApp.start(Map.of())) {
            SnapStartPriming priming = app.context().getBean(SnapStartPriming.class);
            Set<String> tokens = new HashSet<>();
            int requests = 0;
            for (int round = 0; round < 3; round++) {
                for (APIGatewayProxyRequestEvent request : priming.round(round)) {
                    tokens.add(request.getHeaders().get("X-Auth-Token"));
                    requests++;
                }
            }
            assertEquals(9, requests);
            assertEquals(requests, tokens.size(), "a remembered token would skip the check a first caller's takes");
        }
    }
}
