package com.vbssharing.bench;

import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.sharing.NewShares;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.sharing.ShareService;
import com.vbssharing.local.EmbeddedDynamoDb;
import com.vbssharing.support.CloudFormationYaml;
import com.vbssharing.support.Tokens;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What every benchmark section shares: DynamoDB Local on loopback (in this JVM), an application context used
 * only to seed data through the real repositories, the classpaths of the measured JVMs, and the Lambda
 * configuration read from template.yaml, so the benchmark measures the configuration that ships.
 */
final class BenchEnvironment implements AutoCloseable {

    static final String TABLE = "vbs-sharing-bench";
    static final String SECRET = "benchmark-secret-0123456789-0123456789-0123";
    static final Path JDK_17 = Path.of(System.getProperty("java.home"));
    static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    static final Path PACKAGE = Path.of("target", "vbs-sharing-lambda.zip");
    private static final Path RUNTIME_CORE = Path.of("target", "lambda-runtime", "aws-lambda-java-core-1.4.0.jar");

    private final EmbeddedDynamoDb dynamoDb;
    private final ApplicationContext seeding;
    private final Path work;
    private final String lambdaClasspath;
    private final Path probeClasses;
    private final Path meterResources;
    private final Map<String, Object> template;

    BenchEnvironment(Path work) {
        this.work = work;
        dynamoDb = EmbeddedDynamoDb.start(null);
        Map<String, Object> properties = new HashMap<>();
        properties.put("vbs.table.endpoint", dynamoDb.endpoint());
        properties.put("aws.region", "us-east-1");
        properties.put("vbs.table.name", TABLE);
        properties.put("vbs.table.create-if-missing", true);
        properties.put("vbs.snapstart.priming", false);
        properties.put("vbs.auth.jwt-secret", SECRET);
        // The harness's own seeding and lookups (the scale section's offset lookup reads ~50,000 index items).
        properties.put("vbs.table.attempt-timeout", ScaleBenchmark.ATTEMPT_TIMEOUT);
        properties.put("vbs.table.call-timeout", ScaleBenchmark.CALL_TIMEOUT);
        seeding = ApplicationContext.builder().properties(properties).start();
        try {
            Files.createDirectories(work);
            lambdaClasspath = packageClasspath(work.resolve("package"));
            // The probe classes alone: the test classpath's resources (logback-test.xml, ...) must not leak in.
            probeClasses = jar(Path.of("target", "test-classes"), "com/vbssharing/bench/probe", work.resolve("probe.jar"));
            meterResources = writeMeterRegistration(work.resolve("meter"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        template = CloudFormationYaml.template();
    }

    String endpoint() {
        return dynamoDb.endpoint();
    }

    Path work() {
        return work;
    }

    <T> T bean(Class<T> type) {
        return seeding.getBean(type);
    }

    /** The Lambda artifact's classpath (what SAM packages: classes and runtime jars) plus the probe classes. */
    String probeClasspath() {
        return probeClasses + java.io.File.pathSeparator + lambdaClasspath;
    }

    /** As {@link #probeClasspath()}, plus the registration of the SDK interceptor that meters DynamoDB calls. */
    String meteredClasspath() {
        return meterResources + java.io.File.pathSeparator + probeClasspath();
    }

    String lambdaClasspath() {
        return lambdaClasspath;
    }

    /** The JVM options every function ships with: Globals.Function.Environment JAVA_TOOL_OPTIONS. */
    @SuppressWarnings("unchecked")
    List<String> shippedJvmOptions() {
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) globals.get("Environment")).get("Variables");
        Object options = variables.get("JAVA_TOOL_OPTIONS");
        return options == null ? List.of() : Arrays.asList(options.toString().trim().split("\\s+"));
    }

    @SuppressWarnings("unchecked")
    String handlerOf(String function) {
        Map<String, Object> resource = (Map<String, Object>) ((Map<String, Object>) template.get("Resources")).get(function);
        return ((Map<String, Object>) resource.get("Properties")).get("Handler").toString();
    }

    /** System properties the Lambda environment would give: region and (for the baseline) credentials. */
    List<String> awsProperties() {
        return List.of("-Daws.accessKeyId=local", "-Daws.secretAccessKey=local", "-Daws.region=us-east-1");
    }

    /**
     * The environment variables template.yaml and Lambda give every function (table, secret, log level and format,
     * metrics namespace, the function's name, by which the code knows it runs in Lambda and so writes JSON log lines
     * and metrics documents), here with DynamoDB Local.
     */
    Map<String, String> lambdaEnvironment() {
        return Map.of("VBS_TABLE_NAME", TABLE, "VBS_AUTH_JWT_SECRET", SECRET, "VBS_LOG_LEVEL", "INFO",
                "VBS_LOG_FORMAT", "json", "VBS_METRICS_NAMESPACE", "VbsSharing/bench",
                "AWS_LAMBDA_FUNCTION_NAME", "vbs-sharing-bench",
                "AWS_REGION", "us-east-1", "VBS_DYNAMODB_ENDPOINT", dynamoDb.endpoint());
    }

    String token(String projectId) {
        return Tokens.sign(SECRET, Tokens.claims(projectId, Instant.now().plusSeconds(6 * 3600)).build());
    }

    /** Backups in status available, written through the real repository. */
    List<String> availableBackups(String projectId, int count) {
        BackupRepository backups = bean(BackupRepository.class);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String now = Timestamps.now(Clock.systemUTC());
            backups.insert(Backup.builder().id(id).projectId(projectId).name("bench-" + i)
                    .description("benchmark backup").status(BackupStatus.AVAILABLE).size(10).objectCount(1)
                    .availabilityZone("az1").container("bench").volumeId(UUID.randomUUID().toString())
                    .snapshotId(UUID.randomUUID().toString()).createdAt(now).updatedAt(now).dataTimestamp(now).build());
            ids.add(id);
        }
        return ids;
    }

    /** The ids of the backup's shares, read as the service reads them. */
    List<String> shareIds(String ownerProjectId, String backupId) {
        return bean(ShareRepository.class).findByBackup(ownerProjectId, backupId).stream().map(Share::id).toList();
    }

    /** The functions' memory size: the template's FunctionMemorySize default. */
    @SuppressWarnings("unchecked")
    int functionMemoryMb() {
        Map<String, Object> parameter = (Map<String, Object>) ((Map<String, Object>) template.get("Parameters"))
                .get("FunctionMemorySize");
        return Integer.parseInt(parameter.get("Default").toString());
    }

    /** Shares the backup with {@code targets} new projects through the real service (one transaction). */
    void share(String ownerProjectId, String backupId, int targets) {
        List<String> to = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            to.add(Tokens.newProjectId());
        }
        bean(ShareService.class).create(ownerProjectId, new NewShares(backupId, to));
    }

    /**
     * A jar of the classes under {@code root/under}, named relative to {@code root}. Class-data archives only cover
     * classes from jars, so every setup runs jars; directory entries matter, because Micronaut finds its bean
     * definitions by listing META-INF/micronaut/...
     */
    /**
     * The deployment package as built ({@code target/vbs-sharing-lambda.zip}, what {@code sam build} ships),
     * unpacked: its classes as one jar (class-data archives refuse a directory on the classpath), its lib/ jars,
     * and the aws-lambda-java-core that Lambda's java21 runtime provides (the package leaves it out).
     */
    private String packageClasspath(Path unpacked) throws IOException {
        Path classes = Files.createDirectories(unpacked.resolve("classes"));
        Path lib = Files.createDirectories(unpacked.resolve("lib"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(PACKAGE))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = (entry.getName().startsWith("lib/") ? unpacked : classes).resolve(entry.getName());
                if (!entry.isDirectory()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<String> entries = new ArrayList<>();
        entries.add(jar(classes, "", work.resolve("vbs-sharing-classes.jar")).toString());
        try (Stream<Path> jars = Files.list(lib)) {
            jars.sorted().forEach(jar -> entries.add(jar.toAbsolutePath().toString()));
        }
        entries.add(RUNTIME_CORE.toAbsolutePath().toString());
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path jar(Path root, String under, Path jar) throws IOException {
        Path start = root.resolve(under);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(start)) {
            for (Path file : files.filter(file -> !file.equals(root)).sorted().toList()) {
                if (Files.isDirectory(file)) {
                    out.putNextEntry(new JarEntry(root.relativize(file) + "/"));
                } else {
                    out.putNextEntry(new JarEntry(root.relativize(file).toString()));
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        return jar.toAbsolutePath();
    }

    private static Path writeMeterRegistration(Path target) throws IOException {
        Path file = target.resolve("software/amazon/awssdk/global/handlers/execution.interceptors");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "com.vbssharing.bench.probe.DynamoDbMeter\n");
        return target.toAbsolutePath();
    }

    @Override
    public void close() throws Exception {
        seeding.close();
        dynamoDb.close();
    }
}
