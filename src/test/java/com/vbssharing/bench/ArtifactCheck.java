package com.vbssharing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Section 6: the deployment packages as built ({@code target/vbs-sharing-lambda*.zip}: compiled classes at the
 * root, the runtime dependencies under lib/; what {@code sam build} unpacks into each function, Makefile): their
 * sizes, the biggest jars, and a check that none holds DynamoDB Local, the Netty HTTP server or a test library.
 * (SamLocalInvokeIT also holds them to no local-run code and no jar that no function shipping it loads a class from.)
 */
final class ArtifactCheck {

    static final List<String> FORBIDDEN = List.of("DynamoDBLocal", "sqlite4java", "micronaut-http-server-netty",
            "jetty", "junit", "micronaut-test", "mockito", "testcontainers", "hamcrest", "assertj");

    /** Each package and the functions that ship it (Makefile). */
    static final Map<String, String> PACKAGES = new LinkedHashMap<>();

    static {
        PACKAGES.put("vbs-sharing-lambda.zip", "the 14 API functions and BackupWorkerFunction");
        PACKAGES.put("vbs-sharing-lambda-events.zip", "EventPublisherFunction");
        PACKAGES.put("vbs-sharing-lambda-automation.zip", "ShareAutomationFunction");
    }

    record Result(String name, String functions, int jars, long unzippedBytes, long zippedBytes, List<String> biggest,
                  List<String> forbiddenFound) {
    }

    private ArtifactCheck() {
    }

    static List<Result> inspectAll() {
        return PACKAGES.entrySet().stream()
                .map(pkg -> inspect(Path.of("target", pkg.getKey()), pkg.getValue()))
                .toList();
    }

    private static Result inspect(Path zip, String functions) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream().filter(entry -> !entry.isDirectory()).toList();
            long unzipped = entries.stream().mapToLong(ZipEntry::getSize).sum();
            List<? extends ZipEntry> jars = entries.stream()
                    .filter(entry -> entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar"))
                    .toList();
            List<String> biggest = jars.stream()
                    .sorted(Comparator.comparingLong(ZipEntry::getSize).reversed())
                    .limit(8)
                    .map(jar -> name(jar) + String.format(" (%.1f MB)", jar.getSize() / 1e6))
                    .toList();
            List<String> forbidden = jars.stream().map(ArtifactCheck::name)
                    .filter(name -> FORBIDDEN.stream().anyMatch(f -> name.toLowerCase().contains(f.toLowerCase())))
                    .toList();
            return new Result(zip.getFileName().toString(), functions, jars.size(), unzipped, Files.size(zip), biggest,
                    forbidden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(ZipEntry jar) {
        return jar.getName().substring("lib/".length());
    }
}
