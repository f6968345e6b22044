package com.vbssharing.sharing;

import com.vbssharing.support.Api;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.Tokens;
import com.vbssharing.storage.internal.TableInvariants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Races against DynamoDB Local: the limit and uniqueness hold because the writes are conditional transactions. */
class ShareConcurrencyTest {

    private final Api api = HttpApi.get();

    @AfterEach
    void nothingIsHalfWritten() {
        TableInvariants.assertHold();
    }

    @RepeatedTest(3)
    void twoRequestsOfSixAtOnceOneSucceedsTheOtherHitsTheLimit() throws Exception {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String backup = Fixtures.availableBackup(owner.projectId(), "race");
        List<Api.Response> responses = race(2, i -> ShareApiContract.share(owner, backup, targets(6)));
        List<Integer> statuses = responses.stream().map(Api.Response::status).sorted().toList();
        assertEquals(List.of(200, 400), statuses, responses::toString);
        Api.Response failed = responses.stream().filter(r -> r.status() == 400).findFirst().orElseThrow();
        assertTrue(failed.body().contains("10"), failed::toString);
        assertEquals(6, countOf(owner, backup));
    }

    @Test
    void manySimultaneousCreatesOfTheSameShareExactlyOneSucceeds() throws Exception {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String backup = Fixtures.availableBackup(owner.projectId(), "same");
        String target = Tokens.newProjectId();
        List<Api.Response> responses = race(12, i -> ShareApiContract.share(owner, backup, target));
        long created = responses.stream().filter(r -> r.status() == 200).count();
        long conflicts = responses.stream().filter(r -> r.status() == 409).count();
        assertEquals(1, created, responses::toString);
        assertEquals(11, conflicts, responses::toString);
        responses.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertTrue(r.json().has("conflictingRequest"), r::toString));
        assertEquals(1, countOf(owner, backup));
    }

    @Test
    void concurrentCreatesNeverPassTheLimit() throws Exception {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String backup = Fixtures.availableBackup(owner.projectId(), "many");
        List<Api.Response> responses = race(8, i -> ShareApiContract.share(owner, backup, targets(3)));
        long created = responses.stream().filter(r -> r.status() == 200).count();
        assertEquals(3, created, responses::toString);
        responses.stream().filter(r -> r.status() != 200).forEach(r -> assertEquals(400, r.status(), r::toString));
        assertEquals(9, countOf(owner, backup));
    }

    private static String[] targets(int n) {
        String[] targets = new String[n];
        for (int i = 0; i < n; i++) {
            targets[i] = Tokens.newProjectId();
        }
        return targets;
    }

    private static int countOf(Api.Caller owner, String backup) {
        return owner.get(ShareApiContract.sharing(owner) + "/count?backup_id=" + backup).json().get("count").asInt();
    }

    interface Call {
        Api.Response run(int index) throws Exception;
    }

    /** Starts all calls at the same moment and returns their responses. */
    private static List<Api.Response> race(int parallel, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                int index = i;
                Callable<Api.Response> task = () -> {
                    start.await();
                    return call.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
