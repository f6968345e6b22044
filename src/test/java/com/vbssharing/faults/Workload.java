package com.vbssharing.faults;

import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.support.Api;
import com.vbssharing.support.Backups;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.Tokens;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Callers working the API from several threads, each through the HTTP server and the Lambda handler in turn,
 * while a test breaks DynamoDB under them. Every answer is kept with how long it took and when it came.
 * Each thread owns a project with one backup, which it reads, lists, shares with a new project each time and
 * revokes again; it also creates backups and lists what was shared with the project it shared with last.
 * Revokes answer 404 when a share's 503 did in fact leave nothing to revoke.
 */
final class Workload {

    enum Operation { LIST_BACKUPS, GET_BACKUP, CREATE_BACKUP, SHARE, LIST_SHARED_WITH_ME, REVOKE }

    /** What each operation may answer besides 503 (each share goes to a new project, so none is refused). */
    static final Map<Operation, Set<Integer>> ALLOWED = Map.of(
            Operation.LIST_BACKUPS, Set.of(200),
            Operation.GET_BACKUP, Set.of(200),
            Operation.CREATE_BACKUP, Set.of(202),
            Operation.SHARE, Set.of(200),
            Operation.LIST_SHARED_WITH_ME, Set.of(200),
            Operation.REVOKE, Set.of(200, 404));

    record Answer(Operation operation, Api.Response response, long startedNanos, Duration took) {

        int status() {
            return response.status();
        }

        @Override
        public String toString() {
            String body = response.body() == null ? "(no body)" : response.body();
            return operation + " after " + took.toMillis() + " ms: " + response.status() + " "
                    + body.substring(0, Math.min(300, body.length()))
                    + (response.header("Retry-After") == null ? "" : " (Retry-After " + response.header("Retry-After") + ")");
        }
    }

    private final List<Api> apis;
    private final BackupRepository backups;
    private final int threads;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    Workload(List<Api> apis, BackupRepository backups, int threads) {
        this.apis = apis;
        this.backups = backups;
        this.threads = threads;
    }

    /** Seeds each thread's project (DynamoDB must be up) and starts the threads. */
    void start() {
        running = true;
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            Caller caller = new Caller(Tokens.newProjectId());
            workers.add(pool.submit(() -> {
                while (running) {
                    caller.next();
                }
                return null;
            }));
        }
    }

    /** Stops the threads after the requests they are in answer, waiting at most {@code patience}. */
    List<Answer> stop(Duration patience) throws Exception {
        running = false;
        try {
            for (Future<?> worker : workers) {
                worker.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            throw new AssertionError("A request had not answered " + patience.toSeconds() + " s after the workload"
                    + " stopped", e);
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(answers);
    }

    /** One thread's project and where it is in its round of operations. */
    private final class Caller {
        private final String projectId;
        private final String backupId;
        private final List<Api.Caller> entryPoints = new ArrayList<>();
        private int turn;
        private String receiver = Tokens.newProjectId();
        private String lastShare;

        Caller(String projectId) {
            this.projectId = projectId;
            this.backupId = Fixtures.backup(backups, projectId, "faults", BackupStatus.AVAILABLE,
                    UUID.randomUUID().toString()).id();
            apis.forEach(api -> entryPoints.add(api.as(projectId)));
        }

        void next() {
            Operation operation = Operation.values()[turn % Operation.values().length];
            Api.Caller caller = entryPoints.get(turn % entryPoints.size());
            turn++;
            long started = System.nanoTime();
            Api.Response response = call(operation, caller);
            if (response != null) {
                answers.add(new Answer(operation, response, started, Duration.ofNanos(System.nanoTime() - started)));
            }
        }

        private Api.Response call(Operation operation, Api.Caller caller) {
            String sharing = "/v2/" + projectId + "/os-vendor-backup-sharing";
            return switch (operation) {
                case LIST_BACKUPS -> caller.get("/v3/" + projectId + "/backups/detail?limit=5");
                case GET_BACKUP -> caller.get("/v3/" + projectId + "/backups/" + backupId);
                case CREATE_BACKUP -> caller.post("/v3/" + projectId + "/backups", Backups.body("faults"));
                case SHARE -> share(caller, sharing);
                case LIST_SHARED_WITH_ME -> apis.get(turn % apis.size()).as(receiver)
                        .get("/v2/" + receiver + "/os-vendor-backup-sharing/detail?share_to_me=true");
                // A share whose answer was a 503 may have been made all the same: revoking all of the backup's
                // shares then keeps it under the limit of shares per backup.
                case REVOKE -> caller.delete(lastShare == null ? sharing + "/" + backupId + "?is_backup_id=true"
                        : sharing + "/" + lastShare);
            };
        }

        private Api.Response share(Api.Caller caller, String sharing) {
            receiver = Tokens.newProjectId();
            Api.Response response = caller.post(sharing, "{\"shared\":{\"backup_id\":\"" + backupId
                    + "\",\"to_project_ids\":[\"" + receiver + "\"]}}");
            lastShare = response.status() == 200 ? response.json().get("shared").get(0).get("id").asText() : null;
            return response;
        }
    }
}
