package com.vbssharing.clients;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Running a real client program. Locally a test skips when its client is not installed; where
 * {@code VBS_REQUIRE_REAL_CLIENTS=true} (set by .ci/run) a missing client fails the test instead.
 */
public final class RealClients {

    private RealClients() {
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getenv("VBS_REQUIRE_REAL_CLIENTS"));
    }

    /** Skips (locally) or fails (in CI) when the executable is not installed. */
    public static void requireInstalled(String executable, String installHint) {
        require(Files.isExecutable(Path.of(executable)), executable, installHint);
    }

    /** Skips (locally) or fails (in CI) when a file or directory a client needs (a library's sources) is missing. */
    public static void requirePresent(String path, String installHint) {
        require(Files.exists(Path.of(path)), path, installHint);
    }

    private static void require(boolean installed, String what, String installHint) {
        if (!installed && required()) {
            fail(what + " is not installed, and this run requires every real client (" + installHint + ")");
        }
        Assumptions.assumeTrue(installed, what + " is not installed (" + installHint + ")");
    }

    public record Result(int exitCode, String output) {
    }

    /** Runs a command (as {@link #run}) and fails the test, with the command and its output, unless it exits 0. */
    public static String succeed(List<String> command, Map<String, String> environment, Path directory, int timeoutSeconds) {
        long start = System.nanoTime();
        Result result = run(command, environment, directory, timeoutSeconds);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " exited " + result.exitCode() + " after " + millis + " ms:\n" + result.output());
        }
        System.out.printf("%s (%d ms)%n", String.join(" ", command), millis);
        return result.output();
    }

    /**
     * Runs a command with extra environment variables; its output (stdout and stderr) and exit code. The
     * caller's own OpenStack settings ({@code OS_*}, e.g. OS_CLOUD or OS_PASSWORD) are not passed on: the
     * command sees only those the test gives it.
     */
    public static Result run(List<String> command, Map<String, String> environment, Path directory, int timeoutSeconds) {
        try {
            Path output = Files.createTempFile("real-client", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().keySet().removeIf(name -> name.startsWith("OS_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (!finished) {
                fail(command + " did not finish in " + timeoutSeconds + " s:\n" + text);
            }
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new AssertionError("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
