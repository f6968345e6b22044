package com.vbssharing.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.lambda.ApiHandler;
import com.vbssharing.storage.TableConfiguration;
import com.vbssharing.storage.internal.RawTable;
import com.vbssharing.storage.internal.TableInvariants;
import com.vbssharing.storage.local.TableBootstrap;
import com.vbssharing.support.Api;
import com.vbssharing.support.DynamoDbContainer;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DynamoDB Local in a container, broken for real under a running service: paused mid-request and
 * mid-transaction, stopped, restarted empty, and paused in short bursts (which is what throttling looks like from
 * here; no proxy that delays or drops runs on these machines). Callers work the API over HTTP and through the Lambda
 * handler all the while. Every answer must come within the budget and be one the API documents or a 503
 * {@code serviceUnavailable} with {@code Retry-After}; the service recovers once DynamoDB is back, without a
 * restart; and no invariant of the table is broken afterwards.
 */
class DynamoDbFaultsIT {

    /** Every request answers within this: the client's call timeout, a few quick calls before it, and slack. */
    private static final Duration BUDGET = Duration.ofSeconds(8);
    private static final int THREADS = 6;

    private static DynamoDbContainer dynamoDb;
    private static ApplicationContext context;
    private static EmbeddedServer server;
    private static List<Api> apis;

    @BeforeAll
    static void start() {
        dynamoDb = DynamoDbContainer.start();
        Map<String, Object> properties = TestApp.properties(dynamoDb.endpoint());
        properties.put("vbs.worker.local-stream-poller.enabled", false);
        properties.put("vbs.test.transaction-trap", true);
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        server = context.getBean(EmbeddedServer.class).start();
        apis = List.of(new HttpApi("http://127.0.0.1:" + server.getPort()), new LambdaApi(new ApiHandler(context)));
        TableConfiguration table = context.getBean(TableConfiguration.class);
        assertTrue(BUDGET.compareTo(table.getCallTimeout().multipliedBy(2)) >= 0, "the budget covers a call timeout");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    /** Whatever a test did, the next one starts with DynamoDB up and the table in place. */
    @AfterEach
    void heal() {
        dynamoDb.heal();
        context.getBean(TableBootstrap.class).createIfMissing();
    }

    @Test
    void pausedMidRequestAnswers503InTimeAndRecovers() throws Exception {
        // Requests caught by the freeze started before it and are answered within a call timeout; the pause lasts
        // long enough for the requests sent after them to time out while DynamoDB is still frozen, so a 503 inside
        // the window does not hang on a request slipping in between the command and the freeze.
        Duration pause = context.getBean(TableConfiguration.class).getCallTimeout().multipliedBy(2).plusSeconds(1);
        Workload workload = new Workload(apis, backups(), THREADS);
        workload.start();
        Thread.sleep(1500);
        long pausedAt = System.nanoTime();
        dynamoDb.pause();
        Thread.sleep(pause.toMillis());
        dynamoDb.unpause();
        long resumedAt = System.nanoTime();
        Thread.sleep(2500);
        List<Workload.Answer> answers = workload.stop(BUDGET.plusSeconds(5));

        assertEveryAnswerAllowed(answers);
        assertSome(answers, a -> a.status() == 503 && a.startedNanos() > pausedAt && a.startedNanos() < resumedAt,
                "503s while DynamoDB was paused");
        assertSome(answers, a -> a.status() < 300 && a.startedNanos() > resumedAt + seconds(1),
                "successes after DynamoDB came back");
        assertRecovered();
        assertInvariantsHold();
    }

    /**
     * The container is paused as a share's transaction leaves the client, so that DynamoDB has it, or is reading
     * or applying it, while frozen. The caller gets a 503 (or, where the pause came late, a 200); either way the
     * share is whole or absent once DynamoDB is back, and the owner and the receiver see the same. Whether a share
     * answered 503 was made is for the caller to find out (docs/reliability.md).
     */
    @Test
    void pausedMidTransactionLeavesSharesWholeOrAbsent() throws Exception {
        TransactionTrap trap = context.getBean(TransactionTrap.class);
        Api api = apis.get(0);
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            Api.Caller owner = api.as(Tokens.newProjectId());
            String receiver = Tokens.newProjectId();
            String backup = com.vbssharing.support.Fixtures.backup(backups(), owner.projectId(), "trap",
                    com.vbssharing.backup.BackupStatus.AVAILABLE, UUID.randomUUID().toString()).id();
            // First frozen before the transaction reaches it (DynamoDB takes it in once thawed), then a little later
            // each time, while it reads or applies it.
            int delayMillis = (attempt - 2) * 5;
            CompletableFuture<Void> paused = new CompletableFuture<>();
            Runnable pause = () -> {
                sleep(Math.max(0, delayMillis));
                dynamoDb.pause();
                paused.complete(null);
            };
            trap.arm(delayMillis < 0 ? pause : () -> new Thread(pause, "pause").start());
            long started = System.nanoTime();
            Api.Response response = owner.post("/v2/" + owner.projectId() + "/os-vendor-backup-sharing",
                    "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\"" + receiver + "\"]}}");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(trap.sprung(), "the share sent a transaction");
            paused.get(10, TimeUnit.SECONDS);
            dynamoDb.unpause();
            sleep(500); // the attempts it took in while frozen are answered to nobody, and applied once at most
            statuses.add(response.status());
            assertTrue(took.compareTo(BUDGET) <= 0, () -> "answered in " + took.toMillis() + " ms: " + response);
            if (response.status() != 200) {
                assertServiceUnavailable(response);
            }
            JsonNode ownerSees = owner.get("/v2/" + owner.projectId() + "/os-vendor-backup-sharing/detail").json();
            JsonNode receiverSees = api.as(receiver)
                    .get("/v2/" + receiver + "/os-vendor-backup-sharing/detail?share_to_me=true").json();
            assertEquals(ownerSees.get("shared"), receiverSees.get("shared"), "both sides see the same shares");
            assertTrue(ownerSees.get("shared").size() <= 1);
            if (response.status() == 200) {
                assertEquals(1, ownerSees.get("shared").size(), "a share answered 200 is there");
            }
        }
        System.out.println("faults: shares with DynamoDB frozen under their transaction answered " + statuses);
        assertTrue(statuses.contains(503), () -> "no transaction was caught by the pause: " + statuses);
        assertInvariantsHold();
    }

    /** Stopped: connections refused, 503 at once. Started again empty: 503 naming the missing table, until it is back. */
    @Test
    void stoppedThenRestartedEmptyAnswers503UntilTheTableIsBack() throws Exception {
        Workload workload = new Workload(apis, backups(), THREADS);
        workload.start();
        Thread.sleep(1500);
        long stoppedAt = System.nanoTime();
        dynamoDb.stop();
        Thread.sleep(3000);
        dynamoDb.restart();
        long emptyAt = System.nanoTime();
        Thread.sleep(2500);
        List<Workload.Answer> whileBroken = workload.stop(BUDGET.plusSeconds(5));

        assertEveryAnswerAllowed(whileBroken);
        assertSome(whileBroken, a -> a.status() == 503 && a.startedNanos() > stoppedAt && a.startedNanos() < emptyAt
                && a.took().compareTo(Duration.ofSeconds(5)) < 0, "quick 503s while DynamoDB was stopped");
        assertSome(whileBroken, a -> a.status() == 503 && a.startedNanos() > emptyAt + seconds(1)
                && a.response().body().contains("does not exist"), "503s naming the missing table");
        String project = Tokens.newProjectId();
        Api.Response missing = apis.get(1).as(project).get("/v3/" + project + "/backups");
        assertServiceUnavailable(missing);
        assertEquals("30", missing.header("Retry-After"), "a missing table is not back in seconds");

        // The operator restores the table; the same running service serves again.
        context.getBean(TableBootstrap.class).createIfMissing();
        assertRecovered();
        Workload after = new Workload(apis, backups(), THREADS);
        after.start();
        Thread.sleep(1500);
        List<Workload.Answer> recovered = after.stop(BUDGET.plusSeconds(5));
        assertEveryAnswerAllowed(recovered);
        assertTrue(recovered.stream().allMatch(a -> a.status() < 500), () -> "all served: " + recovered);
        assertInvariantsHold();
    }

    /**
     * Paused in bursts of 0.3-2.5 s with short gaps: some calls only wait, some time out an attempt and are
     * retried, some run out of their budget. Answers stay in time and the service keeps serving between bursts.
     */
    @Test
    void burstsOfPausesSlowRequestsWithoutBreakingThem() throws Exception {
        Workload workload = new Workload(apis, backups(), THREADS);
        workload.start();
        long[] bursts = {300, 800, 2500, 500, 1200, 300, 2000, 600};
        for (long burst : bursts) {
            Thread.sleep(700);
            dynamoDb.pause();
            Thread.sleep(burst);
            dynamoDb.unpause();
        }
        Thread.sleep(1500);
        List<Workload.Answer> answers = workload.stop(BUDGET.plusSeconds(5));

        assertEveryAnswerAllowed(answers);
        assertSome(answers, a -> a.status() < 300 && a.took().compareTo(Duration.ofMillis(250)) > 0,
                "requests that waited out a burst and were served");
        long served = answers.stream().filter(a -> a.status() < 300).count();
        assertTrue(served > answers.size() / 2, () -> "most requests served: " + served + " of " + answers.size());
        assertRecovered();
        assertInvariantsHold();
    }

    private static void assertEveryAnswerAllowed(List<Workload.Answer> answers) {
        assertTrue(answers.size() > THREADS, () -> "the workload ran: " + answers);
        System.out.printf("faults: %d answers, %d served, %d answered 503, slowest %d ms%n", answers.size(),
                answers.stream().filter(a -> a.status() < 500).count(),
                answers.stream().filter(a -> a.status() == 503).count(),
                answers.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0));
        List<String> wrong = new ArrayList<>();
        for (Workload.Answer answer : answers) {
            if (answer.took().compareTo(BUDGET) > 0) {
                wrong.add("over budget: " + answer);
            } else if (answer.status() == 503) {
                String problem = serviceUnavailableProblem(answer.response());
                if (problem != null) {
                    wrong.add(problem + ": " + answer);
                }
            } else if (!Workload.ALLOWED.get(answer.operation()).contains(answer.status())) {
                wrong.add("not an answer of " + answer.operation() + ": " + answer);
            }
        }
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " of " + answers.size() + " answers wrong:\n"
                + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
    }

    private static void assertServiceUnavailable(Api.Response response) {
        String problem = serviceUnavailableProblem(response);
        assertTrue(problem == null, () -> problem + ": " + response);
    }

    /** What is wrong with an answer that should be a 503 of an unavailable dependency, or null. */
    private static String serviceUnavailableProblem(Api.Response response) {
        if (response.status() != 503) {
            return "not 503";
        }
        String retryAfter = response.header("Retry-After");
        if (retryAfter == null || !retryAfter.matches("[1-9][0-9]*")) {
            return "no Retry-After in seconds";
        }
        JsonNode fault = response.json().get("serviceUnavailable");
        if (fault == null || fault.get("code").asInt() != 503
                || !fault.get("message").asText().startsWith("The backup store is unavailable")) {
            return "not a serviceUnavailable fault that names the backup store";
        }
        return null;
    }

    private static void assertSome(List<Workload.Answer> answers, Predicate<Workload.Answer> wanted, String what) {
        assertTrue(answers.stream().anyMatch(wanted), () -> "no " + what + " among " + answers.size() + " answers: "
                + answers.stream().map(Workload.Answer::toString).limit(40).toList());
    }

    /** A new project is served at once through both entry points: no restart, no warm-up. */
    private static void assertRecovered() {
        for (Api api : apis) {
            String project = Tokens.newProjectId();
            Api.Response response = api.as(project).get("/v3/" + project + "/backups");
            assertEquals(200, response.status(), response::toString);
        }
    }

    private static void assertInvariantsHold() {
        TableInvariants.assertHold(RawTable.scan(context.getBean(DynamoDbClient.class),
                context.getBean(TableConfiguration.class).getName()));
    }

    private static BackupRepository backups() {
        return context.getBean(BackupRepository.class);
    }

    private static long seconds(long n) {
        return Duration.ofSeconds(n).toNanos();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
