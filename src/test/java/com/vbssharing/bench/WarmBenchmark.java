package com.vbssharing.bench;

import com.vbssharing.bench.PlanResults.Measured;
import com.vbssharing.support.Backups;
import com.vbssharing.support.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Sections 2, 3 and 5: every API operation answered many times by one warm handler (shipped JVM options,
 * the template's memory size as the JVM's RAM), each request's time split into DynamoDB wait and our own;
 * round trips and consumed capacity per operation; memory after all requests.
 */
final class WarmBenchmark {

    /**
     * Requests of each operation before measuring: enough for every method on its path to be compiled. At the
     * shipped C1-only level a method is compiled after 200-300 calls (256 in a probe), and much of an operation's
     * path runs once per request, so 150 left the first measured requests partly interpreted and p99 measured
     * compilation, not a warm function (docs/decisions.md, "Warm overhead goal").
     */
    static final int WARM_UP = 1000;
    static final int MEASURED = 700;

    /** An operation: how to make its i-th request, its status, and the fewest round trips it can take. */
    record Operation(String name, String method, String projectId, int status, int minimumRoundTrips,
                     IntFunction<String> path, IntFunction<String> body) {
    }

    record OperationStats(String name, int requests, double p50Millis, double p99Millis, double p50DynamoDbMillis,
                          double p50OwnMillis, double p99OwnMillis, double p50ServiceMillis, double p99ServiceMillis,
                          double p50CpuMillis, double p50AllocatedKib, double roundTrips, int minimumRoundTrips, double readUnits, double writeUnits) {
    }

    record Result(List<OperationStats> operations, PlanResults.Memory memory, List<String> jvmOptions) {
    }

    private WarmBenchmark() {
    }

    static Result run(BenchEnvironment env) {
        List<Operation> operations = operations(env, WARM_UP + MEASURED);
        PlanResults.Plan plan = new PlanResults.Plan();
        operations.stream().map(Operation::projectId).distinct().forEach(p -> plan.token(p, env.token(p)));
        int[] index = new int[operations.size()];
        for (int round = 0; round < WARM_UP + MEASURED; round++) {
            for (int o = 0; o < operations.size(); o++) {
                Operation op = operations.get(o);
                int i = index[o]++;
                plan.request(round >= WARM_UP, op.name(), op.method(), op.path().apply(i), op.projectId(), op.status(),
                        op.body() == null ? null : op.body().apply(i));
            }
        }
        List<String> extra = List.of("-XX:MaxRAM=" + env.functionMemoryMb() + "m");
        PlanResults.Results results = PlanResults.run(env, plan, "warm", extra);
        List<OperationStats> stats = new ArrayList<>();
        for (Operation op : operations) {
            List<Measured> measured = results.byOperation().get(op.name());
            stats.add(new OperationStats(op.name(), measured.size(),
                    Stats.percentile(millis(measured, Measured::totalNanos), 50),
                    Stats.percentile(millis(measured, Measured::totalNanos), 99),
                    Stats.percentile(millis(measured, Measured::dynamoDbNanos), 50),
                    Stats.percentile(measured.stream().map(Measured::ownMillis).toList(), 50),
                    Stats.percentile(measured.stream().map(Measured::ownMillis).toList(), 99),
                    Stats.percentile(measured.stream().map(Measured::serviceMillis).toList(), 50),
                    Stats.percentile(measured.stream().map(Measured::serviceMillis).toList(), 99),
                    Stats.percentile(millis(measured, Measured::cpuNanos), 50),
                    Stats.percentile(measured.stream().map(m -> m.allocatedBytes() / 1024.0).toList(), 50),
                    Stats.median(measured.stream().map(Measured::roundTrips).toList()), op.minimumRoundTrips(),
                    Stats.median(measured.stream().map(Measured::readUnits).toList()),
                    Stats.median(measured.stream().map(Measured::writeUnits).toList())));
        }
        stats.forEach(s -> System.out.printf("warm | %-34s | p50 %.2f ms | p99 %.2f ms | own p50 %.3f p99 %.3f | "
                        + "outside SDK p50 %.3f p99 %.3f | CPU p50 %.3f | alloc p50 %.0f KiB | trips %.0f (min %d)%n", s.name(), s.p50Millis(), s.p99Millis(),
                s.p50OwnMillis(), s.p99OwnMillis(), s.p50ServiceMillis(), s.p99ServiceMillis(), s.p50CpuMillis(),
                s.p50AllocatedKib(), s.roundTrips(),
                s.minimumRoundTrips()));
        List<String> jvm = new ArrayList<>(env.shippedJvmOptions());
        jvm.addAll(extra);
        return new Result(stats, results.memory(), jvm);
    }

    private static List<Double> millis(List<Measured> measured, java.util.function.ToLongFunction<Measured> nanos) {
        return measured.stream().map(m -> nanos.applyAsLong(m) / 1e6).toList();
    }

    /** The operations and the data each needs, seeded through the real repositories. */
    private static List<Operation> operations(BenchEnvironment env, int perOperation) {
        String reader = Tokens.newProjectId();
        List<String> readable = env.availableBackups(reader, 20);
        for (int i = 0; i < 5; i++) {
            env.share(reader, readable.get(i), 5);
        }
        String shareId = env.shareIds(reader, readable.get(0)).get(0);

        String creator = Tokens.newProjectId();
        String deleter = Tokens.newProjectId();
        List<String> deletable = env.availableBackups(deleter, perOperation);

        String sharer = Tokens.newProjectId();
        List<String> withRoom = env.availableBackups(sharer, perOperation / 10 + 1);

        String revoker = Tokens.newProjectId();
        List<String> revokable = new ArrayList<>();
        for (String backup : env.availableBackups(revoker, perOperation / 10 + 1)) {
            env.share(revoker, backup, 10);
            revokable.addAll(env.shareIds(revoker, backup));
        }

        String unsharer = Tokens.newProjectId();
        List<String> sharedOnce = env.availableBackups(unsharer, perOperation);
        sharedOnce.forEach(backup -> env.share(unsharer, backup, 1));

        String shares = "/v2/%s/os-vendor-backup-sharing";
        return List.of(
                new Operation("create backup", "POST", creator, 202, 2, i -> "/v3/" + creator + "/backups",
                        i -> Backups.body("b" + i)),
                new Operation("get backup", "GET", reader, 200, 1, i -> "/v3/" + reader + "/backups/" + readable.get(i % 20), null),
                new Operation("list backups (20)", "GET", reader, 200, 1, i -> "/v3/" + reader + "/backups", null),
                new Operation("list backups detail (20)", "GET", reader, 200, 1, i -> "/v3/" + reader + "/backups/detail", null),
                new Operation("delete backup", "DELETE", deleter, 202, 1,
                        i -> "/v3/" + deleter + "/backups/" + deletable.get(i), null),
                new Operation("create share (1 project)", "POST", sharer, 200, 1, i -> shares.formatted(sharer),
                        i -> "{\"shared\":{\"backup_id\":\"" + withRoom.get(i / 10) + "\",\"to_project_ids\":[\""
                                + Tokens.newProjectId() + "\"]}}"),
                new Operation("query shares detail (25)", "GET", reader, 200, 2,
                        i -> shares.formatted(reader) + "/detail", null),
                new Operation("query shares of a backup (owner)", "GET", reader, 200, 2,
                        i -> shares.formatted(reader) + "/detail?backup_id=" + readable.get(i % 5), null),
                new Operation("count shares", "GET", reader, 200, 1, i -> shares.formatted(reader) + "/count", null),
                new Operation("get share", "GET", reader, 200, 2, i -> shares.formatted(reader) + "/" + shareId, null),
                new Operation("delete share", "DELETE", revoker, 200, 2,
                        i -> shares.formatted(revoker) + "/" + revokable.get(i), null),
                new Operation("delete shares of a backup", "DELETE", unsharer, 200, 2,
                        i -> shares.formatted(unsharer) + "/" + sharedOnce.get(i) + "?is_backup_id=true", null));
    }

    static Map<String, String> minimumReasons() {
        return Map.ofEntries(
                Map.entry("create backup", "a consistent GetItem of the volume's head, which names its newest "
                        + "available backup (the incremental parent, Cinder 3.64) + one conditional PutItem (with the "
                        + "parent: one transaction); a head naming a backup since deleted adds a Query of the "
                        + "project's backups (docs/data-model.md)"),
                Map.entry("get backup", "one consistent GetItem by key"),
                Map.entry("list backups (20)", "one consistent Query of the project's partition (per 1 MB)"),
                Map.entry("list backups detail (20)", "as list backups"),
                Map.entry("delete backup", "one DeleteItem whose condition carries status and share_count = 0 "
                        + "(a backup with shares: + Query of its shares + one transaction)"),
                Map.entry("create share (1 project)", "one TransactWriteItems: limit, uniqueness and lookup item together"),
                Map.entry("query shares detail (25)", "one index Query + one BatchGetItem of the page's backups "
                        + "(backup attributes change, so they are joined, not copied into shares)"),
                Map.entry("query shares of a backup (owner)", "one consistent Query of the backup's shares + "
                        + "one BatchGetItem of the backup"),
                Map.entry("count shares", "one index Query with Select=COUNT (per 1 MB of index)"),
                Map.entry("get share", "GetItem of the id lookup (the id alone names no partition) + GetItem of its backup"),
                Map.entry("delete share", "GetItem of the id lookup + one TransactWriteItems"),
                Map.entry("delete shares of a backup", "consistent Query of the backup's shares + one TransactWriteItems"));
    }
}
