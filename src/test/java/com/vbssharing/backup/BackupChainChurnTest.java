package com.vbssharing.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.storage.internal.TableInvariants;
import com.vbssharing.support.Api;
import com.vbssharing.support.Assertions2;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several threads for a few seconds backing up one volume (each backup incremental on the newest available one)
 * and deleting its backups, newest, oldest and in between. Every answer is one the API documents, and afterwards
 * the chain is whole: every parent exists and lists its dependents, every dependent names its parent.
 */
class BackupChainChurnTest {

    private static final Duration CHURN = Duration.ofSeconds(3);
    private static final Map<String, Set<Integer>> ALLOWED = Map.of(
            "create", Set.of(202, 409),
            // 404: deleted by another thread; 400: still creating; 409: kept changing.
            "delete", Set.of(202, 400, 404, 409));

    private final Api api = HttpApi.get();

    @Test
    void aVolumesChainStaysWholeUnderConcurrentCreatesAndDeletes() throws Exception {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String volume = UUID.randomUUID().toString();
        String backups = "/v3/" + owner.projectId() + "/backups";
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        Queue<Integer> created = new ConcurrentLinkedQueue<>();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long end = System.nanoTime() + CHURN.toNanos();
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean creator = t % 2 == 0;
                threads.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        if (creator) {
                            Api.Response response = owner.post(backups, "{\"backup\":{\"volume_id\":\"" + volume
                                    + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\"}}");
                            check("create", response, unexpected);
                            created.add(response.status());
                        } else {
                            List<String> ids = ids(owner.get(backups + "/detail?volume_id=" + volume));
                            if (!ids.isEmpty()) {
                                String victim = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                                check("delete", owner.delete(backups + "/" + victim), unexpected);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get(CHURN.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertTrue(unexpected.isEmpty(), () -> "unexpected answers: " + unexpected);
        assertTrue(created.contains(202), "the race created backups");
        // The worker completes what is still creating; then nothing may be half-linked.
        Assertions2.await(() -> owner.get(backups + "/detail?volume_id=" + volume + "&status=creating")
                .json().get("backups").size(), size -> size == 0, Duration.ofSeconds(15));
        TableInvariants.assertHold();
    }

    private static void check(String operation, Api.Response response, Queue<String> unexpected) {
        if (!ALLOWED.get(operation).contains(response.status())) {
            unexpected.add(operation + " → " + response);
        }
    }

    private static List<String> ids(Api.Response listing) {
        List<String> ids = new ArrayList<>();
        for (JsonNode backup : listing.json().get("backups")) {
            ids.add(backup.get("id").asText());
        }
        return ids;
    }
}
