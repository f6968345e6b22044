package com.vbssharing.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The benchmark suite (README: {@code scripts/benchmark}). Runs each section against DynamoDB Local on
 * loopback and writes docs/performance.md. Options: {@code --repetitions N} (cold starts per setup and
 * scenario, default 4; some setups take a multiple: {@link ColdStartBenchmark.Setup}),
 * {@code --only cold,warm,scale,artifact}, {@code --out FILE}; {@code --serve} instead keeps DynamoDB Local running
 * with seeded data and prints cold-start commands to profile by hand.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        int repetitions = Integer.parseInt(option(arguments, "--repetitions", "4"));
        Set<String> only = Set.of(option(arguments, "--only", "cold,warm,scale,artifact").split(","));
        Path out = Path.of(option(arguments, "--out", "docs/performance.md"));
        PerformanceReport report = new PerformanceReport(String.join(" ", args));
        long started = System.nanoTime();
        try (BenchEnvironment env = new BenchEnvironment(Path.of("target", "bench"))) {
            if (arguments.contains("--serve")) {
                new ColdStartBenchmark(env, 1).printCommands(env.shippedJvmOptions());
                Thread.sleep(Long.MAX_VALUE);
            }
            if (only.contains("artifact")) {
                report.artifact(ArtifactCheck.inspectAll());
            }
            if (only.contains("cold")) {
                CpuSteal steal = CpuSteal.start();
                ColdStartBenchmark cold = new ColdStartBenchmark(env, repetitions);
                report.coldStarts(cold.run(cold.setups()));
                report.steal("cold", steal.percent());
            }
            if (only.contains("warm")) {
                CpuSteal steal = CpuSteal.start();
                report.warm(WarmBenchmark.run(env));
                report.steal("warm", steal.percent());
            }
            if (only.contains("scale")) {
                CpuSteal steal = CpuSteal.start();
                report.scale(ScaleBenchmark.run(env));
                report.steal("scale", steal.percent());
            }
        }
        report.write(out, (System.nanoTime() - started) / 1e9);
        System.out.println("Wrote " + out);
        System.exit(0);
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }
}
