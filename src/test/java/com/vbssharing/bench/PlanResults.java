package com.vbssharing.bench;

import com.vbssharing.bench.probe.PlanRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a request plan for {@link PlanRun}, runs it in a fresh JVM and reads back what it measured. */
final class PlanResults {

    /** One measured request. */
    record Measured(long totalNanos, long dynamoDbNanos, long sdkCallNanos, long roundTrips, double readUnits,
                    double writeUnits, long itemsRead, long responseBytes, long cpuNanos, long allocatedBytes) {

        /** Everything but the wait on the wire: our code, the framework and the SDK client's own work. */
        double ownMillis() {
            return (totalNanos - dynamoDbNanos) / 1e6;
        }

        /** Everything outside the SDK client calls: our code and the framework. */
        double serviceMillis() {
            return (totalNanos - sdkCallNanos) / 1e6;
        }
    }

    /** Heap after GC, committed heap, non-heap, resident set (before GC) and its peak, in KiB; the collector. */
    record Memory(int requests, long heapUsedKib, long heapCommittedKib, long nonHeapKib, long rssKib, long rssPeakKib,
                  String collector) {
    }

    record Results(Map<String, List<Measured>> byOperation, Memory memory) {
    }

    /** A plan under construction: tokens once, then requests in order. */
    static final class Plan {
        private final StringBuilder lines = new StringBuilder();

        void token(String projectId, String jwt) {
            lines.append("token\t").append(projectId).append('\t').append(jwt).append('\n');
        }

        void request(boolean measured, String operation, String method, String pathAndQuery, String projectId,
                     int expectedStatus, String body) {
            lines.append("request\t").append(measured ? "measure" : "warm").append('\t').append(operation).append('\t')
                    .append(method).append('\t').append(pathAndQuery).append('\t').append(projectId).append('\t')
                    .append(expectedStatus).append('\t').append(body == null ? "-" : body).append('\n');
        }
    }

    private PlanResults() {
    }

    static Results run(BenchEnvironment env, Plan plan, String name, List<String> extraJvmOptions) {
        Path file = env.work().resolve(name + ".plan");
        try {
            Files.writeString(file, plan.lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(env.shippedJvmOptions());
        options.addAll(extraJvmOptions);
        // For profiling by hand, e.g. -Dbench.plan-jvm-options=-XX:StartFlightRecording=filename=/tmp/warm.jfr
        // (several options: separated by ';' inside BENCH_JAVA_OPTIONS, whose spaces split the benchmark's own
        // options, e.g. -XX:FlightRecorderOptions:stackdepth=256;-XX:StartFlightRecording=...: the SDK's stacks are
        // deeper than JFR's default 64 frames, which cuts the handler's frames off them; README "Performance")
        String byHand = System.getProperty("bench.plan-jvm-options", "").trim();
        if (!byHand.isEmpty()) {
            options.addAll(List.of(byHand.split("[\\s;]+")));
        }
        options.add("-Dbench.handler=" + env.handlerOf("QuerySharesFunction"));
        options.addAll(env.awsProperties());
        ChildJvm.Outcome outcome = ChildJvm.run(BenchEnvironment.JDK_17, options, env.meteredClasspath(),
                PlanRun.class.getName(), List.of(file.toAbsolutePath().toString()), env.lambdaEnvironment(), 1800);
        if (!outcome.succeeded()) {
            throw new IllegalStateException(name + " failed: " + String.join("\n",
                    outcome.lines().subList(Math.max(0, outcome.lines().size() - 40), outcome.lines().size())));
        }
        Map<String, List<Measured>> byOperation = new LinkedHashMap<>();
        Memory memory = null;
        for (String line : outcome.lines()) {
            String[] f = line.split("\t");
            if ("req".equals(f[0])) {
                byOperation.computeIfAbsent(f[1], op -> new ArrayList<>()).add(new Measured(Long.parseLong(f[2]),
                        Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]),
                        Long.parseLong(f[11])));
            } else if ("memory".equals(f[0])) {
                memory = new Memory(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), f[7]);
            }
        }
        return new Results(byOperation, memory);
    }
}
