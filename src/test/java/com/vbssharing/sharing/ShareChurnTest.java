package com.vbssharing.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.storage.internal.TableInvariants;
import com.vbssharing.support.Api;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several threads for a few seconds racing two of the four writes on shares (share a backup with a project,
 * revoke a share by id, revoke every share of the backup, delete the backup) on one backup and one receiving
 * project. Every answer must be one the API documents; afterwards every invariant of the table holds, and a
 * revoked share is invisible to both sides: 404 by id, absent from both listings and counts.
 */
class ShareChurnTest {

    private static final int THREADS = 6;
    private static final Duration CHURN = Duration.ofSeconds(2);

    enum Operation { SHARE, REVOKE_BY_ID, REVOKE_ALL_OF_BACKUP, DELETE_BACKUP }

    enum Race {
        SHARE_VS_REVOKE_BY_ID(Operation.SHARE, Operation.REVOKE_BY_ID),
        SHARE_VS_REVOKE_ALL(Operation.SHARE, Operation.REVOKE_ALL_OF_BACKUP),
        SHARE_VS_DELETE_BACKUP(Operation.SHARE, Operation.DELETE_BACKUP),
        REVOKE_BY_ID_VS_REVOKE_ALL(Operation.SHARE, Operation.REVOKE_BY_ID, Operation.REVOKE_ALL_OF_BACKUP),
        REVOKE_BY_ID_VS_DELETE_BACKUP(Operation.SHARE, Operation.REVOKE_BY_ID, Operation.DELETE_BACKUP),
        REVOKE_ALL_VS_DELETE_BACKUP(Operation.SHARE, Operation.REVOKE_ALL_OF_BACKUP, Operation.DELETE_BACKUP),
        ALL_FOUR(Operation.SHARE, Operation.REVOKE_BY_ID, Operation.REVOKE_ALL_OF_BACKUP, Operation.DELETE_BACKUP);

        /** The racing operations; races between two revokes keep a sharing thread, or there is nothing to revoke. */
        final Set<Operation> operations;

        Race(Operation first, Operation... more) {
            this.operations = EnumSet.of(first, more);
        }
    }

    private final Api api = HttpApi.get();

    @ParameterizedTest
    @EnumSource(Race.class)
    void sharesStayWholeUnderChurn(Race race) throws Exception {
        Api.Caller owner = api.as(Tokens.newProjectId());
        Api.Caller receiver = api.as(Tokens.newProjectId());
        Churn churn = new Churn(owner, receiver);
        List<Operation> roles = new ArrayList<>(race.operations);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long end = System.nanoTime() + CHURN.toNanos();
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Operation role = roles.get(t % roles.size());
                threads.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        churn.run(role);
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

        assertTrue(churn.unexpected.isEmpty(), () -> "unexpected answers: " + churn.unexpected);
        assertTrue(churn.answers.getOrDefault(Operation.SHARE, Set.of()).contains(200),
                () -> "the race never shared: " + churn.answers);
        TableInvariants.assertHold();
        churn.assertOnlyLiveSharesVisible();
    }

    /** The state the racing threads share, and what each operation may answer. */
    private static final class Churn {
        private static final Map<Operation, Set<Integer>> ALLOWED = Map.of(
                // 409: already shared, or too much contention (retry); 404: the backup was just deleted.
                Operation.SHARE, Set.of(200, 404, 409),
                Operation.REVOKE_BY_ID, Set.of(200, 404, 409),
                Operation.REVOKE_ALL_OF_BACKUP, Set.of(200, 404, 409),
                Operation.DELETE_BACKUP, Set.of(202, 404, 409));

        final Api.Caller owner;
        final Api.Caller receiver;
        final AtomicReference<String> backup = new AtomicReference<>();
        final Set<String> everShared = ConcurrentHashMap.newKeySet();
        final Queue<String> toRevoke = new ConcurrentLinkedQueue<>();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        final Map<Operation, Set<Integer>> answers = new ConcurrentHashMap<>();

        Churn(Api.Caller owner, Api.Caller receiver) {
            this.owner = owner;
            this.receiver = receiver;
            backup.set(Fixtures.availableBackup(owner.projectId(), "churn"));
        }

        void run(Operation operation) {
            String backupId = backup.get();
            Api.Response response = switch (operation) {
                case SHARE -> share(backupId);
                case REVOKE_BY_ID -> revokeById();
                case REVOKE_ALL_OF_BACKUP -> owner.delete(ShareApiContract.sharing(owner) + "/" + backupId
                        + "?is_backup_id=true");
                case DELETE_BACKUP -> deleteBackup(backupId);
            };
            if (response == null) {
                return;
            }
            answers.computeIfAbsent(operation, k -> ConcurrentHashMap.newKeySet()).add(response.status());
            if (!ALLOWED.get(operation).contains(response.status())) {
                unexpected.add(operation + " → " + response);
            }
        }

        private Api.Response share(String backupId) {
            Api.Response response = ShareApiContract.share(owner, backupId, receiver.projectId());
            if (response.status() == 200) {
                String id = response.json().get("shared").get(0).get("id").asText();
                everShared.add(id);
                toRevoke.add(id);
            }
            return response;
        }

        /** Revokes a share this race made; once the owner's revoke answered, the receiver must no longer see it. */
        private Api.Response revokeById() {
            String id = toRevoke.poll();
            if (id == null) {
                return null;
            }
            Api.Response response = owner.delete(ShareApiContract.sharing(owner) + "/" + id);
            if (response.status() == 200) {
                Api.Response seen = receiver.get(ShareApiContract.sharing(receiver) + "/" + id);
                if (seen.status() != 404) {
                    unexpected.add("revoked share " + id + " still answers the receiver: " + seen);
                }
            }
            return response;
        }

        /** Deletes the backup and carries on with a fresh one, so the other threads keep racing. */
        private Api.Response deleteBackup(String backupId) {
            Api.Response response = owner.delete("/v3/" + owner.projectId() + "/backups/" + backupId);
            if (response.status() == 202) {
                backup.compareAndSet(backupId, Fixtures.availableBackup(owner.projectId(), "churn"));
            }
            return response;
        }

        /** The shares still in place are exactly those both sides list, count and get; every other one is gone. */
        void assertOnlyLiveSharesVisible() {
            Set<String> ownerListed = listed(owner, "");
            Set<String> receiverListed = listed(receiver, "?share_to_me=true");
            assertEquals(ownerListed, receiverListed, "both sides list the same shares");
            assertEquals(ownerListed.size(), count(owner, ""), "owner's count");
            assertEquals(receiverListed.size(), count(receiver, "?share_to_me=true"), "receiver's count");
            for (String id : everShared) {
                int expected = ownerListed.contains(id) ? 200 : 404;
                assertEquals(expected, owner.get(ShareApiContract.sharing(owner) + "/" + id).status(), "owner gets " + id);
                assertEquals(expected, receiver.get(ShareApiContract.sharing(receiver) + "/" + id).status(),
                        "receiver gets " + id);
            }
            assertTrue(everShared.containsAll(ownerListed), "no share appears that the race did not make");
        }

        private static Set<String> listed(Api.Caller caller, String query) {
            Api.Response response = caller.get(ShareApiContract.sharing(caller) + "/detail" + query);
            assertEquals(200, response.status(), response::toString);
            Set<String> ids = new HashSet<>();
            for (JsonNode share : response.json().get("shared")) {
                ids.add(share.get("id").asText());
            }
            return ids;
        }

        private static int count(Api.Caller caller, String query) {
            return caller.get(ShareApiContract.sharing(caller) + "/count" + query).json().get("count").asInt();
        }
    }
}
