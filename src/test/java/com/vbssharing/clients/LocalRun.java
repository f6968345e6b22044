package com.vbssharing.clients;

import com.vbssharing.support.Tokens;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The service started the way README starts it ({@code mvn mn:run} runs {@code LocalApplication} on the
 * compile classpath): its own JVM, its embedded DynamoDB Local, the dev secret. One for the whole test JVM,
 * stopped when it exits. The real-client tests talk to it over HTTP, as a user's tools would.
 */
public final class LocalRun {

    /** The local run's fixed dev secret (README; scripts/dev-token signs with it). */
    public static final String DEV_SECRET = "vbs-local-development-secret-0123456789";

    /** The region the catalog names (env {@code VBS_REGION} of the local run); clients are configured with it. */
    public static final String REGION = "local";

    private static LocalRun instance;

    private final Process process;
    private final int port;
    private final Path log;

    private LocalRun() throws IOException, InterruptedException {
        port = freePort();
        Path work = Files.createDirectories(Path.of("target", "local-run"));
        Path data = Files.createTempDirectory(work, "data");
        log = work.resolve("local-run-" + port + ".log");
        String classpath = classpath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "com.vbssharing.local.LocalApplication")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("VBS_LOCAL_DATA_DIR", data.toAbsolutePath().toString());
        builder.environment().put("VBS_REGION", REGION);
        builder.environment().remove("VBS_AUTH_JWT_SECRET");
        builder.environment().remove("VBS_DYNAMODB_ENDPOINT");
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        awaitReady(Duration.ofSeconds(120));
    }

    public static synchronized LocalRun get() {
        if (instance == null) {
            try {
                instance = new LocalRun();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the local run", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** http://127.0.0.1:port, the base of every API. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The auth_url to configure OpenStack tools with. */
    public String authUrl() {
        return baseUrl() + "/identity/v3";
    }

    /** A dev token for a project, as {@code scripts/dev-token <project>} prints it. */
    public static String token(String projectId) {
        return Tokens.sign(DEV_SECRET, Tokens.claims(projectId, Instant.now().plusSeconds(3600)).build());
    }

    public Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The local run exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 300) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The local run did not answer within " + timeout + ": " + Files.readString(log));
    }

    /**
     * What {@code mvn mn:run} puts on the classpath: the classes, and the compile, provided and runtime
     * dependencies. {@code local-run-classpath.txt} (includeScope compile) holds compile + provided only, so the
     * runtime-scoped jars (micronaut-aws-ua, micronaut-reactor, micronaut-serde-support) come from
     * {@code runtime-classpath.txt}; without them the application does not start
     * ({@code ClassNotFoundException: io.micronaut.aws.ua.UserAgentProvider}).
     */
    private static String classpath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(Path.of("target", "classes").toString());
        for (String file : List.of("local-run-classpath.txt", "runtime-classpath.txt")) {
            for (String entry : Files.readString(Path.of("target", file)).trim().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
