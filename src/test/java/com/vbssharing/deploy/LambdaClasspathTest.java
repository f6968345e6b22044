package com.vbssharing.deploy;

import com.vbssharing.bench.probe.ColdStart;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tests run with test-only libraries on the classpath; Lambda does not. This starts the API handler in a
 * fresh JVM on the runtime classpath alone (what SAM packages) and has it answer one event.
 */
class LambdaClasspathTest {

    private static final String SECRET = "classpath-test-secret-0123456789-0123456789";

    @Test
    void theHandlerStartsAndAnswersOnTheRuntimeClasspathAlone() throws Exception {
        String runtime = Files.readString(Path.of("target", "runtime-classpath.txt")).trim();
        for (String forbidden : List.of("DynamoDBLocal", "micronaut-http-server-netty", "junit", "micronaut-test",
                "sqlite4java", "mockito", "swagger-ui", "swagger-request-validator")) {
            assertFalse(runtime.contains(forbidden), forbidden + " must not be in the Lambda artifact");
        }
        String endpoint = TestApp.get().endpoint();
        String project = Tokens.newProjectId();
        String classpath = String.join(File.pathSeparator, "target/test-classes", "target/classes", runtime);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.region=us-east-1",
                "-cp", classpath, ColdStart.class.getName(), "ours", "GET",
                "/v2/" + project + "/os-vendor-backup-sharing/detail",
                Tokens.sign(SECRET, Tokens.claims(project, java.time.Instant.now().plusSeconds(600)).build()), "-")
                .redirectErrorStream(true);
        builder.environment().put("VBS_AUTH_JWT_SECRET", SECRET);
        builder.environment().put("VBS_TABLE_NAME", TestApp.TABLE);
        builder.environment().put("VBS_DYNAMODB_ENDPOINT", endpoint);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the handler answered in time");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("status=200"), output);
        System.out.println("Lambda handler cold start on the runtime classpath: " + output.lines()
                .filter(line -> line.startsWith("status=")).findFirst().orElse(output));
    }
}
