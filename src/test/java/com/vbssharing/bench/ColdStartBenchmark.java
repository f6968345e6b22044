package com.vbssharing.bench;

import com.vbssharing.bench.probe.ColdStart;
import com.vbssharing.support.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 1: cold start. A fresh JVM builds the handler and answers its first event; timed from process start
 * to the response. Ours (the handler template.yaml names, on the artifact's classpath) and the plain-SDK
 * baseline run alternately under the same JVM setup, so each ratio compares runs made seconds apart.
 */
final class ColdStartBenchmark {

    /** How class loading is helped, if at all: none, a JDK 17 AppCDS archive, a JDK 25 AOT cache. */
    enum Archive { NONE, APP_CDS, AOT_CACHE }

    /**
     * A JVM setup both apps are measured under; {@code oursOnly} options apply to our handler alone. A primed
     * setup times the first request alone, after the handler was built and primed (SnapStart's model). Each
     * setup runs {@code pairsPerRepetition} pairs per repetition: more where a goal is judged or one scheduler
     * hiccup moves a ratio.
     */
    record Setup(String name, Path javaHome, List<String> options, Archive archive, List<String> oursOnly,
                 boolean primed, int pairsPerRepetition) {

        Setup(String name, Path javaHome, List<String> options, Archive archive, List<String> oursOnly) {
            this(name, javaHome, options, archive, oursOnly, false, 1);
        }
    }

    record Scenario(String name, String method, String path, String body) {
    }

    /** Medians of one setup and scenario, and the median of the per-pair ratios. */
    record Row(String setup, String scenario, double oursMillis, double baselineMillis, double ratio) {
    }

    private final BenchEnvironment env;
    private final int repetitions;
    private final String ownerProject = Tokens.newProjectId();
    private final String listProject = Tokens.newProjectId();
    private final List<String> backupsWithRoom;
    private int sharesCreated;

    ColdStartBenchmark(BenchEnvironment env, int repetitions) {
        this.env = env;
        this.repetitions = repetitions;
        this.backupsWithRoom = env.availableBackups(ownerProject, 40);
        for (String backup : env.availableBackups(listProject, 5)) {
            env.share(listProject, backup, 5);
        }
    }

    List<Setup> setups() {
        List<String> shipped = env.shippedJvmOptions();
        List<Setup> setups = new ArrayList<>();
        setups.add(new Setup("JDK 17, default JIT", BenchEnvironment.JDK_17, List.of(), Archive.NONE, List.of()));
        // The fresh-JVM goal is judged on this row, whose ratio moves by ±0.15 between runs of 4 pairs.
        setups.add(new Setup("JDK 17, shipped options " + shipped, BenchEnvironment.JDK_17, shipped, Archive.NONE,
                List.of(), false, 3));
        setups.add(new Setup("JDK 17, shipped options + eager singletons (ours)", BenchEnvironment.JDK_17, shipped,
                Archive.NONE, List.of("-Dvbs.eager-init=true")));
        setups.add(new Setup("JDK 17, shipped options + AppCDS archive", BenchEnvironment.JDK_17, shipped,
                Archive.APP_CDS, List.of()));
        for (String priming : List.of("client", "requests")) {
            List<String> primedOptions = new ArrayList<>(shipped);
            primedOptions.add("-Dbench.primed=" + priming);
            setups.add(new Setup("SnapStart model, primed with " + ("client".equals(priming)
                    ? "one DynamoDB call (+ our JSON shapes)" : "requests through the handler (shipped)")
                    + "; JDK 17, shipped options; first request only", BenchEnvironment.JDK_17, primedOptions,
                    Archive.NONE, List.of(), true, 2));
        }
        if (Files.isDirectory(BenchEnvironment.JDK_25)) {
            setups.add(new Setup("JDK 25, shipped options", BenchEnvironment.JDK_25, shipped, Archive.NONE, List.of()));
            setups.add(new Setup("JDK 25, shipped options + AOT cache", BenchEnvironment.JDK_25, shipped,
                    Archive.AOT_CACHE, List.of()));
        }
        return setups;
    }

    private List<Scenario> scenarios() {
        return List.of(
                new Scenario("create share", "POST", "/v2/" + ownerProject + "/os-vendor-backup-sharing", null),
                new Scenario("list shares", "GET", "/v2/" + listProject + "/os-vendor-backup-sharing/detail", null));
    }

    List<Row> run(List<Setup> setups) {
        List<Scenario> scenarios = scenarios();
        List<Row> rows = new ArrayList<>();
        for (Setup setup : setups) {
            Map<String, List<String>> archiveOptions = new LinkedHashMap<>();
            for (String app : List.of("ours", "baseline")) {
                archiveOptions.put(app, train(setup, app, scenarios));
                once(setup, app, scenarios.get(1), archiveOptions.get(app)); // warms the page cache, unmeasured
            }
            for (Scenario scenario : scenarios) {
                List<Double> ours = new ArrayList<>();
                List<Double> baseline = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                int pairs = setup.pairsPerRepetition() * repetitions;
                for (int i = 0; i < pairs; i++) {
                    double o = once(setup, "ours", scenario, archiveOptions.get("ours"));
                    double b = once(setup, "baseline", scenario, archiveOptions.get("baseline"));
                    ours.add(o);
                    baseline.add(b);
                    ratios.add(o / b);
                }
                Row row = new Row(setup.name(), scenario.name(), Stats.median(ours), Stats.median(baseline),
                        Stats.median(ratios));
                System.out.printf("cold start | %s | %s | ours %.0f ms | baseline %.0f ms | ratio %.2f%n",
                        row.setup(), row.scenario(), row.oursMillis(), row.baselineMillis(), row.ratio());
                rows.add(row);
            }
        }
        return rows;
    }

    /** Prints a cold-start command line per app and scenario, to run by hand (profilers, -Xlog:class+load). */
    void printCommands(List<String> jvmOptions) {
        Setup setup = new Setup("by hand", BenchEnvironment.JDK_17, jvmOptions, Archive.NONE, List.of());
        for (String app : List.of("ours", "baseline")) {
            for (Scenario scenario : scenarios()) {
                List<String> command = new ArrayList<>(List.of(BenchEnvironment.JDK_17.resolve("bin/java").toString()));
                command.addAll(options(setup, app, List.of()));
                command.addAll(List.of("-cp", env.probeClasspath(), ColdStart.class.getName(), app));
                command.addAll(eventArgs(scenario));
                env.lambdaEnvironment().forEach((name, value) -> System.out.print(name + "=" + value + " "));
                System.out.println(command.stream().map(arg -> "'" + arg + "'").reduce((a, b) -> a + " " + b).orElse(""));
            }
        }
        System.out.flush();
    }

    /** Creates the setup's class archive for one app with a run answering every scenario; its run options. */
    private List<String> train(Setup setup, String app, List<Scenario> scenarios) {
        if (setup.archive() == Archive.NONE) {
            return List.of();
        }
        Path archive = env.work().resolve((setup.archive() == Archive.APP_CDS ? "appcds-" : "aot-") + app
                + "-" + Integer.toHexString(setup.name().hashCode()) + (setup.archive() == Archive.APP_CDS ? ".jsa" : ".aot"))
                .toAbsolutePath();
        String create = setup.archive() == Archive.APP_CDS ? "-XX:ArchiveClassesAtExit=" : "-XX:AOTCacheOutput=";
        String use = setup.archive() == Archive.APP_CDS ? "-XX:SharedArchiveFile=" : "-XX:AOTCache=";
        List<String> args = new ArrayList<>(List.of(app));
        for (Scenario scenario : scenarios) {
            args.addAll(eventArgs(scenario));
        }
        ChildJvm.Outcome outcome = ChildJvm.run(setup.javaHome(), options(setup, app, List.of(create + archive)),
                env.probeClasspath(), ColdStart.class.getName(), args, env.lambdaEnvironment(), 300);
        if (!outcome.succeeded() || !Files.exists(archive)) {
            throw new IllegalStateException("Training run for " + setup.name() + " failed: " + outcome.lines());
        }
        return List.of(use + archive);
    }

    private double once(Setup setup, String app, Scenario scenario, List<String> archiveOptions) {
        List<String> args = new ArrayList<>(List.of(app));
        args.addAll(eventArgs(scenario));
        ChildJvm.Outcome outcome = ChildJvm.run(setup.javaHome(), options(setup, app, archiveOptions),
                env.probeClasspath(), ColdStart.class.getName(), args, env.lambdaEnvironment(), 120);
        if (!outcome.succeeded() || Double.isNaN(outcome.millis())) {
            throw new IllegalStateException(app + " failed under " + setup.name() + ": " + outcome.lines());
        }
        if (setup.primed()) {
            String result = outcome.result();
            return Double.parseDouble(result.substring(result.indexOf("request=") + "request=".length()).trim());
        }
        return outcome.millis();
    }

    private List<String> options(Setup setup, String app, List<String> archiveOptions) {
        // The memory a Lambda JVM sees is the function's; the shipped initial heap is a share of it.
        List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=" + env.functionMemoryMb() + "m"));
        options.addAll(setup.options());
        if ("ours".equals(app)) {
            options.addAll(setup.oursOnly());
            options.add("-Dbench.handler=" + env.handlerOf("CreateSharesFunction"));
        }
        options.addAll(archiveOptions);
        options.addAll(env.awsProperties());
        return options;
    }

    /** One event's probe arguments; each create shares a backup with a project it was never shared with. */
    private List<String> eventArgs(Scenario scenario) {
        String project = scenario.path().split("/")[2];
        String body = "-";
        if ("POST".equals(scenario.method())) {
            String backup = backupsWithRoom.get(sharesCreated++ / 10);
            body = "{\"shared\":{\"backup_id\":\"" + backup + "\",\"to_project_ids\":[\"" + Tokens.newProjectId() + "\"]}}";
        }
        return List.of(scenario.method(), scenario.path(), env.token(project), body);
    }
}
