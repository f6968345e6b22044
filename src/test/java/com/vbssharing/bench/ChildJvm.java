package com.vbssharing.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM and times it from process start until it prints its result line (a line
 * starting with {@code status=} or {@code result=}), as a Lambda cold start is timed from environment start to
 * the response. Nothing from this JVM leaks in: no inherited JAVA_TOOL_OPTIONS, explicit classpath.
 */
final class ChildJvm {

    /** What a child printed, and the wall-clock milliseconds until its result line. */
    record Outcome(List<String> lines, double millis, int exitCode) {

        String result() {
            return lines.stream().filter(line -> line.startsWith("status=") || line.startsWith("result="))
                    .reduce((first, second) -> second).orElse("");
        }

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ChildJvm() {
    }

    static Outcome run(Path javaHome, List<String> jvmOptions, String classpath, String mainClass, List<String> args,
                       Map<String, String> environment, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            List<String> lines = new ArrayList<>();
            double millis = Double.NaN;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (Double.isNaN(millis) && (line.startsWith("status=") || line.startsWith("result="))) {
                        millis = (System.nanoTime() - started) / 1e6;
                    }
                    lines.add(line);
                }
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish in " + timeoutSeconds + " s");
            }
            return new Outcome(lines, millis, process.exitValue());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
