package com.vbssharing.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Section 6: the deployment package as SAM builds it for a Maven project (compiled classes at the root, the
 * runtime dependencies under lib/), zipped; its size, its biggest jars, and a check that it holds no DynamoDB
 * Local, no Netty HTTP server and no test library.
 */
final class ArtifactCheck {

    static final List<String> FORBIDDEN = List.of("DynamoDBLocal", "sqlite4java", "micronaut-http-server-netty",
            "jetty", "junit", "micronaut-test", "mockito", "testcontainers", "hamcrest", "assertj");

    record Result(int jars, long unzippedBytes, long zippedBytes, List<String> biggest, List<String> forbiddenFound) {
    }

    private ArtifactCheck() {
    }

    static Result inspect(BenchEnvironment env) {
        List<Path> jars = new ArrayList<>();
        for (String entry : env.lambdaClasspath().split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && !entry.endsWith("vbs-sharing-classes.jar")) {
                jars.add(Path.of(entry));
            }
        }
        Path zip = env.work().resolve("function.zip");
        try {
            long unzipped = 0;
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                Path classes = Path.of("target", "classes");
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        unzipped += add(out, classes.relativize(file).toString().replace(File.separatorChar, '/'), file);
                    }
                }
                for (Path jar : jars) {
                    unzipped += add(out, "lib/" + jar.getFileName(), jar);
                }
            }
            List<String> biggest = jars.stream()
                    .sorted(Comparator.comparingLong(ArtifactCheck::size).reversed())
                    .limit(8)
                    .map(jar -> jar.getFileName() + String.format(" (%.1f MB)", size(jar) / 1e6))
                    .toList();
            List<String> forbidden = jars.stream().map(jar -> jar.getFileName().toString())
                    .filter(name -> FORBIDDEN.stream().anyMatch(f -> name.toLowerCase().contains(f.toLowerCase())))
                    .toList();
            return new Result(jars.size(), unzipped, Files.size(zip), biggest, forbidden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long add(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        long size = Files.copy(file, (OutputStream) out);
        out.closeEntry();
        return size;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
