package com.vbssharing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.support.Api;
import com.vbssharing.support.PutEventsCaptureServer;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every function of template.yaml run the way {@code sam local invoke <Function> -e events/<event>.json
 * --env-vars env.json} runs it, without Docker: the function's deployment package as built ({@code mvn package}),
 * unpacked as the task root by the Makefile target {@code sam build} runs for it, the Lambda runtime interface client (the java21 image's entry point) polling a Runtime API on
 * loopback for the committed event, and exactly the environment SAM gives the function: the variables the
 * template declares, with env.json's values, and SAM's own (region, its {@code defaultkey} credentials). The one
 * liberty: {@code host.docker.internal} (the host, seen from SAM's container) is this machine's loopback.
 *
 * <p>It also records which classes each function loads, and holds the packages to holding no local-run code and
 * no jar that none of the functions shipping it loads a class from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamLocalInvokeIT {

    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String BACKUP = "11111111-2222-4333-8444-555555555555";
    private static final String SHARE = "66666666-7777-4888-9999-000000000000";
    private static final String SEEDED_TARGET = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
    private static final List<Path> PACKAGES = Stream.of("", "-events", "-automation")
            .map(kind -> Path.of("target", "vbs-sharing-lambda" + kind + ".zip")).toList();
    private static final Path RUNTIME_CLIENT =
            Path.of("target", "lambda-runtime", "aws-lambda-java-runtime-interface-client-2.10.1.jar");
    private static final Pattern LOADED_FROM = Pattern.compile("source: (?:jar:)?file:(\\S+?\\.jar)");

    private final SamLocal sam = SamLocal.read();
    private final Map<String, Set<String>> jarsLoadedBy = new LinkedHashMap<>();
    /** Per function, the folder sam build would upload: what its Makefile target unpacked. */
    private final Map<String, Path> taskRoots = new LinkedHashMap<>();
    private Path work;
    private PutEventsCaptureServer eventBridge;
    private ApplicationContext storage;

    @BeforeAll
    void unpackAndSeed() throws IOException {
        work = Files.createDirectories(Path.of("target", "sam-local"));
        eventBridge = new PutEventsCaptureServer();
        // The table env.json names, created as the local run creates it (README's walkthrough).
        Map<String, Object> properties = TestApp.quietContextProperties();
        properties.put("vbs.table.name", sam.envJsonFor("CreateBackupFunction").get("VBS_TABLE_NAME"));
        properties.put("vbs.table.create-if-missing", true);
        storage = ApplicationContext.builder().environments("test").properties(properties).start();
        BackupRepository backups = storage.getBean(BackupRepository.class);
        backups.listByProject(PROJECT).forEach(backups::deleteEntangled);
        backups.insert(backup(BackupStatus.CREATING));
    }

    @AfterAll
    void stop() {
        eventBridge.close();
        storage.close();
    }

    @Test
    void everyFunctionAnswersItsEventAsSamLocalInvokeRunsIt() throws Exception {
        BackupRepository backups = storage.getBean(BackupRepository.class);
        invoke("BackupWorkerFunction", response -> assertEquals(0, response.get("batchItemFailures").size()));
        assertEquals(BackupStatus.AVAILABLE, backups.find(PROJECT, BACKUP).orElseThrow().status(),
                "the worker completed the backup the stream event names");
        Share seeded = new Share(SHARE, BACKUP, PROJECT, SEEDED_TARGET, now(), now());
        assertTrue(storage.getBean(ShareRepository.class).createAll(PROJECT, BACKUP, List.of(seeded), 10)
                instanceof ShareRepository.CreateOutcome.Created);

        invoke("VersionsFunction", response -> {
            assertEquals(300, response.get("statusCode").asInt(), response::toString);
            assertTrue(response.get("body").asText().contains("\"min_version\":\"3.0\""), response::toString);
        });
        invoke("IdentityFunction", response -> {
            assertEquals(201, response.get("statusCode").asInt(), response::toString);
            assertTrue(response.get("body").asText().contains("\"volumev3\""), response::toString);
        });
        invoke("CreateBackupFunction", api(202, body -> assertEquals("backup1", body.get("backup").get("name").asText())));
        invoke("ListBackupsFunction", api(200, body -> assertTrue(body.get("backups").toString().contains(BACKUP))));
        invoke("ListBackupsDetailFunction", api(200, body -> assertEquals(2, body.get("backups").size())));
        invoke("GetBackupFunction", api(200, body -> assertEquals("available", body.get("backup").get("status").asText())));
        invoke("UpdateBackupFunction", api(200, body -> assertEquals("backup1-renamed",
                body.get("backup").get("name").asText())));
        invoke("ResourceFiltersFunction", api(200, body -> assertEquals("backup",
                body.get("resource_filters").get(0).get("resource").asText())));
        invoke("CreateSharesFunction", api(200, body -> assertEquals("fedcba9876543210fedcba9876543210",
                body.get("shared").get(0).get("to_project_id").asText())));
        invoke("ShareAutomationFunction", response -> assertEquals("shared", response.get("outcome").asText()));
        invoke("QuerySharesFunction", api(200, body -> assertEquals(3, body.get("shared").size())));
        invoke("CountSharesFunction", api(200, body -> assertEquals(3, body.get("count").asInt())));
        invoke("GetShareFunction", api(200, body -> assertEquals(SHARE, body.get("shared").get("id").asText())));
        invoke("EventPublisherFunction", response -> assertEquals(0, response.get("batchItemFailures").size()));
        assertEquals(List.of("Backup Share Created"), eventBridge.entries().stream()
                .map(entry -> entry.get("DetailType").asText()).toList());
        invokeWithIdentityProviderToken("GetShareFunction");
        invoke("DeleteSharesFunction", api(200, null));
        invoke("DeleteBackupFunction", api(202, null));
        assertTrue(backups.find(PROJECT, BACKUP).isEmpty());

        assertTrue(jarsLoadedBy.keySet().containsAll(sam.functions()), "every function was invoked");
        assertEveryPackagedJarIsLoadedBySomeFunction();
    }

    @Test
    void thePackagesHoldNoLocalRunCode() throws IOException {
        for (Path pkg : PACKAGES) {
            List<String> entries = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(pkg))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    entries.add(entry.getName());
                }
            }
            assertTrue(entries.contains("com/vbssharing/storage/internal/SharingTransactions.class"),
                    () -> "the classes are in " + pkg);
            List<String> local = entries.stream().filter(name -> name.startsWith("com/vbssharing/local/")
                    || name.startsWith("com/vbssharing/storage/local/") || name.contains("com.vbssharing.local.")
                    || name.contains("com.vbssharing.storage.local.") || name.equals("application-local.properties")
                    || name.matches("lib/(DynamoDBLocal|sqlite4java|micronaut-http-server-netty|junit|micronaut-test).*"))
                    .toList();
            assertEquals(List.of(), local, pkg::toString);
        }
    }

    /** Each package's jars, against the jars loaded by the functions that ship it. */
    private void assertEveryPackagedJarIsLoadedBySomeFunction() throws IOException {
        Map<Set<String>, Set<String>> loadedByPackage = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> run : jarsLoadedBy.entrySet()) {
            loadedByPackage.computeIfAbsent(packagedJars(functionOf(run.getKey())), jars -> new TreeSet<>())
                    .addAll(run.getValue());
        }
        assertEquals(PACKAGES.size(), loadedByPackage.size(), "the functions ship one of three packages");
        for (Map.Entry<Set<String>, Set<String>> pkg : loadedByPackage.entrySet()) {
            Set<String> unused = new TreeSet<>(pkg.getKey());
            unused.removeAll(pkg.getValue());
            System.out.println("Jars in a package: " + pkg.getKey().size() + "; loaded by a function shipping it: "
                    + (pkg.getKey().size() - unused.size()));
            assertEquals(Set.of(), unused, "packaged jars that no function shipping them loads a class from");
        }
    }

    private Set<String> packagedJars(String function) throws IOException {
        try (Stream<Path> jars = Files.list(taskRoot(function).resolve("lib"))) {
            return jars.map(jar -> jar.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String functionOf(String run) {
        return run.endsWith("-jwks") ? run.substring(0, run.length() - "-jwks".length()) : run;
    }

    /**
     * What {@code sam build} uploads for the function: its Makefile target run into an empty folder, the packages
     * {@code mvn package} just built taken as they are ({@code -o}: make must not rebuild them inside Maven).
     */
    private Path taskRoot(String function) throws IOException {
        Path root = taskRoots.get(function);
        if (root != null) {
            return root;
        }
        root = work.resolve("task-" + function);
        deleteRecursively(root);
        Files.createDirectories(root);
        List<String> command = new ArrayList<>(List.of("make", "--no-print-directory"));
        PACKAGES.forEach(pkg -> command.addAll(List.of("-o", pkg.toString())));
        command.addAll(List.of("build-" + function, "ARTIFACTS_DIR=" + root.toAbsolutePath()));
        Process make = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, make.waitFor(), () -> String.join(" ", command) + ": " + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        taskRoots.put(function, root);
        return root;
    }

    /**
     * The function again, as deployed with {@code AuthJwksUrl}: its event's token is an RS256 token of an
     * identity provider, checked against the provider's JWKS (on loopback), which the function fetches with the
     * HTTP client in the package.
     */
    private void invokeWithIdentityProviderToken(String function) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp-key").build(),
                    Tokens.claims(PROJECT, Instant.now().plusSeconds(600)).build());
            token.sign(new RSASSASigner(key));
            String event = Files.readString(SamLocal.eventFile(function))
                    .replaceAll("\"X-Auth-Token\": \"[^\"]+\"", "\"X-Auth-Token\": \"" + token.serialize() + "\"");
            invoke(function + "-jwks", function, event,
                    Map.of("VBS_AUTH_JWKS_URL", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json"),
                    api(200, body -> assertEquals(SHARE, body.get("shared").get("id").asText())));
        } finally {
            jwks.stop(0);
        }
    }

    private void invoke(String function, Consumer<JsonNode> check) throws Exception {
        invoke(function, function, Files.readString(SamLocal.eventFile(function)), Map.of(), check);
    }

    /** Runs the function's handler on an event in a fresh JVM, as SAM's container does; checks the answer. */
    private void invoke(String run, String function, String event, Map<String, String> environmentOverrides,
                        Consumer<JsonNode> check) throws Exception {
        Path classLog = work.resolve(run + "-classes.log");
        try (FakeLambdaRuntimeApi runtimeApi = new FakeLambdaRuntimeApi(event)) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:file=" + classLog.toAbsolutePath(),
                    "-cp", RUNTIME_CLIENT.toAbsolutePath().toString(),
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", sam.handler(function))
                    .directory(taskRoot(function).toFile()) // the client's task root is its working directory, /var/task
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve(run + ".log").toFile());
            builder.environment().clear();
            builder.environment().putAll(environment(function, runtimeApi.address()));
            builder.environment().putAll(environmentOverrides);
            Process process = builder.start();
            String response;
            try {
                response = runtimeApi.awaitResponse(Duration.ofSeconds(90));
            } finally {
                process.destroyForcibly().waitFor();
            }
            JsonNode json = Api.JSON.readTree(response);
            try {
                check.accept(json);
            } catch (AssertionError e) {
                throw new AssertionError(run + " answered " + response + "\n" + Files.readString(
                        work.resolve(run + ".log")), e);
            }
        }
        jarsLoadedBy.put(run, jarsIn(classLog));
    }

    /** SAM's environment for the function (SamLocal), with the host's stand-ins on loopback. */
    private Map<String, String> environment(String function, String runtimeApi) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", System.getenv("PATH"));
        // What SAM sets itself: region, and without a host session its placeholder credentials.
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "defaultkey");
        environment.put("AWS_SECRET_ACCESS_KEY", "defaultsecret");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        environment.put("LAMBDA_TASK_ROOT", taskRoot(function).toAbsolutePath().toString());
        environment.put("_HANDLER", sam.handler(function));
        sam.environment(function).forEach((name, value) -> environment.put(name, onLoopback(name, value)));
        return environment;
    }

    private String onLoopback(String name, String value) {
        return switch (name) {
            case "VBS_DYNAMODB_ENDPOINT" -> TestApp.get().endpoint();
            case "VBS_EVENTBRIDGE_ENDPOINT" -> eventBridge.endpoint();
            default -> value.replace("host.docker.internal", "127.0.0.1");
        };
    }

    private static Consumer<JsonNode> api(int status, Consumer<JsonNode> body) {
        return response -> {
            assertEquals(status, response.get("statusCode").asInt(), response::toString);
            if (body != null) {
                try {
                    body.accept(Api.JSON.readTree(response.get("body").asText()));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        };
    }

    private static Set<String> jarsIn(Path classLog) throws IOException {
        Set<String> jars = new TreeSet<>();
        for (String line : Files.readAllLines(classLog, StandardCharsets.UTF_8)) {
            Matcher matcher = LOADED_FROM.matcher(line);
            if (matcher.find()) {
                jars.add(Path.of(matcher.group(1)).getFileName().toString());
            }
        }
        assertFalse(jars.isEmpty(), "no class was loaded from a jar: " + classLog);
        return jars;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> old = Files.walk(folder)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Backup backup(BackupStatus status) {
        String now = now();
        return Backup.builder().id(BACKUP).projectId(PROJECT).userId("sam-local").name("backup1")
                .description("Backup_Demo").status(status).availabilityZone("az1")
                .volumeId("c5834fe1-577f-462e-9bf3-1b158e1dde9c").snapshotId("251f910a-a2bd-443e-a77a-90a3dbd26b7b")
                .createdAt(now).updatedAt(now).build();
    }

    private static String now() {
        return Timestamps.now(Clock.systemUTC());
    }
}
