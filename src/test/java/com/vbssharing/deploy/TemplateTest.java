package com.vbssharing.deploy;


import com.vbssharing.support.CloudFormationYaml;
import com.vbssharing.support.TestApp;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps template.yaml and the code in step: routes, handlers and least-privilege policies. */
class TemplateTest {

    private final Map<String, Object> resources = map(CloudFormationYaml.template().get("Resources"));

    @Test
    void everyServedRouteIsMappedByExactlyOneFunctionAndNoEventPointsNowhere() {
        Map<String, List<String>> functionsByRoute = new HashMap<>();
        functions().forEach((name, properties) -> map(properties.getOrDefault("Events", Map.of())).values().stream()
                .map(TemplateTest::map)
                .filter(event -> "Api".equals(event.get("Type")))
                .map(event -> map(event.get("Properties")))
                // Micronaut answers HEAD from a GET route; API Gateway needs the method declared.
                .filter(api -> !"HEAD".equalsIgnoreCase(String.valueOf(api.get("Method"))))
                .forEach(api -> functionsByRoute.computeIfAbsent(route(api.get("Method"), api.get("Path")),
                        k -> new java.util.ArrayList<>()).add(name)));

        Set<String> served = TestApp.get().context().getBean(Router.class).uriRoutes()
                .filter(r -> r.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD)
                .map(r -> route(r.getHttpMethod().name(), r.getUriMatchTemplate().toString()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, new TreeSet<>(functionsByRoute.keySet()), "template routes = application routes");
        functionsByRoute.forEach((route, names) -> assertEquals(1, names.size(), route + " mapped by " + names));

        for (ApiOperation operation : ApiOperation.values()) {
            assertEquals(List.of(operation.functionName()),
                    functionsByRoute.get(route(operation.method().name(), operation.path())), operation.name());
        }
    }

    /** gophercloud and gophertelekomcloud check tokens with HEAD; API Gateway routes only the methods declared. */
    @Test
    void theTokenCheckIsRoutedForHeadToo() {
        Map<String, Object> events = map(functions().get("IdentityFunction").get("Events"));
        assertTrue(events.values().stream().map(TemplateTest::map).map(event -> map(event.get("Properties")))
                .anyMatch(api -> "HEAD".equals(api.get("Method")) && "/identity/v3/auth/tokens".equals(api.get("Path"))));
    }

    /** docs/decisions.md#performance: the start-up measures the benchmark measured are the ones that ship. */
    @Test
    void everyFunctionShipsSnapStartAndTheMeasuredJvmOptions() {
        Map<String, Object> globals = map(map(CloudFormationYaml.template().get("Globals")).get("Function"));
        assertEquals("java21", globals.get("Runtime"));
        assertEquals("PublishedVersions", map(globals.get("SnapStart")).get("ApplyOn"));
        assertEquals("live", globals.get("AutoPublishAlias"), "SnapStart applies to published versions only");
        String options = (String) map(map(globals.get("Environment")).get("Variables")).get("JAVA_TOOL_OPTIONS");
        assertEquals(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                List.of(options.trim().split("\\s+")));
        functions().forEach((name, properties) -> {
            assertTrue(!properties.containsKey("SnapStart") && !properties.containsKey("AutoPublishAlias"),
                    name + " keeps the global SnapStart setting");
            Object environment = properties.get("Environment");
            assertTrue(environment == null || !map(map(environment).getOrDefault("Variables", Map.of()))
                    .containsKey("JAVA_TOOL_OPTIONS"), name + " keeps the global JVM options");
        });
    }

    @Test
    void everyHandlerClassExists() {
        functions().forEach((name, properties) -> {
            String handler = (String) properties.get("Handler");
            assertDoesNotThrow(() -> Class.forName(handler.split("::")[0]), name + " handler " + handler);
        });
    }

    @Test
    void everyApiFunctionIsGrantedExactlyItsOperationsDynamoDbActions() {
        for (ApiOperation operation : ApiOperation.values()) {
            Map<String, Object> function = functions().get(operation.functionName());
            assertEquals(ApiOperation.HANDLER, function.get("Handler"));
            List<Map<String, Object>> statements = statements(function);
            Set<String> granted = statements.stream().flatMap(s -> actions(s).stream()).collect(Collectors.toSet());
            Set<String> expected = operation.dynamoDbActions().stream().map(a -> "dynamodb:" + a).collect(Collectors.toSet());
            assertEquals(expected, granted, operation.functionName());
            if (expected.isEmpty()) {
                continue;
            }
            String resources = statements.toString();
            assertEquals(operation.readsIndexes(), resources.contains("/index/"), operation.functionName() + " index access");
            assertTrue(resources.contains("SharingTable.Arn"), operation.functionName() + " is scoped to the table");
        }
    }

    @Test
    void theBackupWorkerCanOnlyReadAndUpdateItems() {
        Set<String> dynamoDbItemActions = statements(functions().get("BackupWorkerFunction")).stream()
                .filter(s -> !String.valueOf(s.get("Resource")).contains("StreamArn"))
                .flatMap(s -> actions(s).stream())
                .filter(a -> a.startsWith("dynamodb:"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"), dynamoDbItemActions);
    }

    @Test
    void shareAutomationIsGrantedWhatCreatingAndDeletingSharesNeed() {
        Set<String> expected = new HashSet<>();
        ApiOperation.CREATE_SHARES.dynamoDbActions().forEach(a -> expected.add("dynamodb:" + a));
        ApiOperation.DELETE_SHARES.dynamoDbActions().forEach(a -> expected.add("dynamodb:" + a));
        Set<String> granted = statements(functions().get("ShareAutomationFunction")).stream()
                .flatMap(s -> actions(s).stream())
                .filter(a -> a.startsWith("dynamodb:"))
                .collect(Collectors.toSet());
        assertEquals(expected, granted);
    }

    @Test
    void theEventPublisherCanOnlyPutEventsOnTheBusAndReadTheStream() {
        List<Map<String, Object>> statements = statements(functions().get("EventPublisherFunction"));
        Set<String> granted = statements.stream().flatMap(s -> actions(s).stream()).collect(Collectors.toSet());
        assertEquals(Set.of("events:PutEvents", "dynamodb:DescribeStream", "dynamodb:GetRecords",
                "dynamodb:GetShardIterator", "dynamodb:ListStreams", "sqs:SendMessage"), granted);
        assertTrue(statements.toString().contains("SharingEventBus.Arn"), "PutEvents only on the service's bus");
    }

    @Test
    void theTableMatchesTheOneTheCodeCreatesLocally() {
        Map<String, Object> table = map(map(resources.get("SharingTable")).get("Properties"));
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals("NEW_AND_OLD_IMAGES", map(table.get("StreamSpecification")).get("StreamViewType"));
        assertEquals(true, map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"));
        assertEquals(true, table.get("DeletionProtectionEnabled"));
        Set<String> indexes = new HashSet<>();
        for (Object index : (List<?>) table.get("GlobalSecondaryIndexes")) {
            indexes.add((String) map(index).get("IndexName"));
        }
        assertEquals(Set.of(com.vbssharing.storage.internal.Keys.SHARED_BY_INDEX, com.vbssharing.storage.internal.Keys.SHARED_WITH_INDEX), indexes);
    }

    private Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = new HashMap<>();
        resources.forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                functions.put(name, map(map(resource).get("Properties")));
            }
        });
        return functions;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> function) {
        List<Map<String, Object>> statements = new java.util.ArrayList<>();
        for (Object policy : (List<?>) function.getOrDefault("Policies", List.of())) {
            Object statement = map(policy).get("Statement");
            if (statement != null) {
                statements.addAll((List<Map<String, Object>>) statement);
            }
        }
        return statements;
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(action));
    }

    private static String route(Object method, Object path) {
        return String.valueOf(method).toUpperCase() + " " + path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
