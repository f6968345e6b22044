package com.vbssharing.deploy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;

import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.support.Api;
import com.vbssharing.support.CloudFormationYaml;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays every events/*.json (the sam local invoke events) through the handler template.yaml names for the
 * event's function, against seeded data, so the events never rot. Their token is a dev token signed with
 * the local run's secret.
 */
class EventReplayTest {

    private static final String DEV_SECRET = "vbs-local-development-secret-0123456789";
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String BACKUP = "11111111-2222-4333-8444-555555555555";
    private static final String SHARE = "66666666-7777-4888-9999-000000000000";
    private static final String SEEDED_TARGET = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";

    private record Expectation(int status, Consumer<JsonNode> body) {
    }

    @Test
    void everyEventFileBelongsToAnOperationAndEveryOperationHasOne() throws IOException {
        Set<String> files;
        try (Stream<Path> paths = Files.list(Path.of("events"))) {
            files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = Stream.of(ApiOperation.values()).map(EventReplayTest::eventFile)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, files);
    }

    @Test
    void everyEventReplaysThroughItsFunctionsHandler() throws Exception {
        Map<String, Object> properties = TestApp.quietContextProperties();
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", DEV_SECRET);
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties).start()) {
            seed(context);
            Map<String, Object> resources = map(CloudFormationYaml.template().get("Resources"));
            for (Map.Entry<ApiOperation, Expectation> step : expectations().entrySet()) {
                ApiOperation operation = step.getKey();
                String handlerName = (String) map(map(resources.get(operation.functionName())).get("Properties")).get("Handler");
                RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = handler(handlerName, context);
                APIGatewayProxyRequestEvent event;
                try (InputStream json = Files.newInputStream(Path.of("events", eventFile(operation)))) {
                    event = LambdaApi.readEvent(json);
                }
                APIGatewayProxyResponseEvent response = handler.handleRequest(event, new MockLambdaContext());
                assertEquals(step.getValue().status(), response.getStatusCode(), operation + ": " + response.getBody());
                if (step.getValue().body() != null) {
                    step.getValue().body().accept(Api.JSON.readTree(response.getBody()));
                }
            }
        }
    }

    private static Map<ApiOperation, Expectation> expectations() {
        Map<ApiOperation, Expectation> steps = new LinkedHashMap<>();
        steps.put(ApiOperation.CREATE_BACKUP, new Expectation(202, body -> assertEquals("backup1", body.get("backup").get("name").asText())));
        steps.put(ApiOperation.LIST_BACKUPS, new Expectation(200, body -> assertTrue(body.get("backups").toString().contains(BACKUP))));
        steps.put(ApiOperation.LIST_BACKUPS_DETAIL, new Expectation(200, body -> assertEquals(2, body.get("backups").size())));
        steps.put(ApiOperation.GET_BACKUP, new Expectation(200, body -> assertEquals(BACKUP, body.get("backup").get("id").asText())));
        steps.put(ApiOperation.CREATE_SHARES, new Expectation(200, body ->
                assertEquals("fedcba9876543210fedcba9876543210", body.get("shared").get(0).get("to_project_id").asText())));
        steps.put(ApiOperation.QUERY_SHARES, new Expectation(200, body -> assertEquals(2, body.get("shared").size())));
        steps.put(ApiOperation.COUNT_SHARES, new Expectation(200, body -> assertEquals(2, body.get("count").asInt())));
        steps.put(ApiOperation.GET_SHARE, new Expectation(200, body -> assertEquals(SHARE, body.get("shared").get("id").asText())));
        steps.put(ApiOperation.DELETE_SHARES, new Expectation(200, null));
        steps.put(ApiOperation.DELETE_BACKUP, new Expectation(202, null));
        return steps;
    }

    /** The fixed backup and share the events name; earlier runs against a persistent endpoint are cleared first. */
    private static void seed(ApplicationContext context) {
        BackupRepository backups = context.getBean(BackupRepository.class);
        ShareRepository shares = context.getBean(ShareRepository.class);
        backups.listByProject(PROJECT).forEach(backups::deleteWithShares);
        String now = Timestamps.now(Clock.systemUTC());
        backups.insert(new Backup(BACKUP, PROJECT, "seeded", null, BackupStatus.AVAILABLE, 0, 0, "az1", null,
                "c5834fe1-577f-462e-9bf3-1b158e1dde9c", "251f910a-a2bd-443e-a77a-90a3dbd26b7b", null, false, false,
                null, now, now, now, 0));
        ShareRepository.CreateOutcome outcome = shares.createAll(PROJECT, BACKUP,
                List.of(new Share(SHARE, BACKUP, PROJECT, SEEDED_TARGET, now, now)), 10);
        assertTrue(outcome instanceof ShareRepository.CreateOutcome.Created, outcome.toString());
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler(
            String className, ApplicationContext context) throws ReflectiveOperationException {
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(className).getConstructor(ApplicationContext.class).newInstance(context);
    }

    /** CreateBackupFunction -> create-backup.json */
    static String eventFile(ApiOperation operation) {
        String name = operation.functionName().replaceFirst("Function$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase() + ".json";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
