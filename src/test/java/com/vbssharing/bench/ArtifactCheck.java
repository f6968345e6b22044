package com.vbssharing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Section 6: the deployment package as built ({@code target/vbs-sharing-lambda.zip}: compiled classes at the
 * root, the runtime dependencies under lib/; what {@code sam build} unpacks into every function): its size, its
 * biggest jars, and a check that it holds no DynamoDB Local, no Netty HTTP server and no test library.
 * (SamLocalInvokeIT also holds it to no local-run code and no jar that no function loads a class from.)
 */
final class ArtifactCheck {

    static final List<String> FORBIDDEN = List.of("DynamoDBLocal", "sqlite4java", "micronaut-http-server-netty",
            "jetty", "junit", "micronaut-test", "mockito", "testcontainers", "hamcrest", "assertj");

    record Result(int jars, long unzippedBytes, long zippedBytes, List<String> biggest, List<String> forbiddenFound) {
    }

    private ArtifactCheck() {
    }

    static Result inspect() {
        Path zip = BenchEnvironment.PACKAGE;
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
            return new Result(jars.size(), unzipped, Files.size(zip), biggest, forbidden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(ZipEntry jar) {
        return jar.getName().substring("lib/".length());
    }
}
