package com.vbssharing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.api.RequestBodyFilter;
import com.vbssharing.support.Api;
import com.vbssharing.support.CloudFormationYaml;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operability part of template.yaml (docs/operations.md): tracing, the access log, throttling, the WAF body
 * limit, the alarms and the dashboard, held to the functions, queues and operations the template and the code have.
 */
class OperationsTemplateTest {

    /** The operations the stream and automation functions report (BackupWorker, EventPublisher, ShareAutomation). */
    static final List<String> NON_API_OPERATIONS = List.of("CompleteBackups", "PublishEvents", "AutomateShares");
    /** What an API function reports for a request no route matched. */
    static final String UNMATCHED_ROUTE = "UnmatchedRoute";
    static final String NAMESPACE = "VbsSharing/${AWS::StackName}";

    /**
     * The $context variables API Gateway documents for REST API access logs (developer guide, "Variables for access
     * logging for API Gateway"), as far as this format may use them: a misspelt one would be logged as itself.
     */
    static final Set<String> REST_ACCESS_LOG_VARIABLES = Set.of("requestId", "extendedRequestId", "identity.sourceIp",
            "identity.userAgent", "requestTime", "requestTimeEpoch", "httpMethod", "resourcePath", "path", "status",
            "protocol", "responseLength", "integrationLatency", "responseLatency", "integrationStatus",
            "integration.status", "integration.latency", "error.message", "error.responseType", "xrayTraceId",
            "wafResponseCode", "webaclArn", "stage", "apiId", "domainName");

    private static final Pattern CONTEXT_VARIABLE = Pattern.compile("\\$context\\.([A-Za-z.]+[A-Za-z])");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, Object> template = CloudFormationYaml.template();
    private final Map<String, Object> resources = map(template.get("Resources"));

    @Test
    void everyFunctionAndTheApiStageAreTraced() {
        assertEquals("Active", globals().get("Tracing"));
        functions().forEach(name -> assertFalse(properties(name).containsKey("Tracing"), name + " keeps the global tracing"));
        assertEquals(true, properties("SharingApi").get("TracingEnabled"));
    }

    @Test
    void theFunctionsAreToldWhereToPutTheirMetricsAndHowToLog() {
        Map<String, Object> variables = map(map(globals().get("Environment")).get("Variables"));
        assertEquals(NAMESPACE, variables.get("VBS_METRICS_NAMESPACE"));
        assertEquals("json", variables.get("VBS_LOG_FORMAT"));
    }

    @Test
    void theAccessLogIsJsonWithTheFieldsOperatorsSearchBy() throws Exception {
        Map<String, Object> setting = map(properties("SharingApi").get("AccessLogSetting"));
        assertEquals("ApiAccessLogGroup.Arn", setting.get("DestinationArn"));
        Map<String, Object> logGroup = map(resources.get("ApiAccessLogGroup"));
        assertEquals("AWS::Logs::LogGroup", logGroup.get("Type"));
        assertEquals("LogRetentionDays", map(logGroup.get("Properties")).get("RetentionInDays"));

        String format = (String) setting.get("Format");
        assertFalse(format.contains("\n"), "API Gateway takes a one-line format");
        Matcher variables = CONTEXT_VARIABLE.matcher(format);
        Set<String> used = new TreeSet<>();
        while (variables.find()) {
            used.add(variables.group(1));
        }
        assertTrue(REST_ACCESS_LOG_VARIABLES.containsAll(used), "not REST access log variables: "
                + used.stream().filter(v -> !REST_ACCESS_LOG_VARIABLES.contains(v)).toList());

        // API Gateway writes "-" for a value it does not have (no integration, no WAF): still JSON, each value a string.
        for (String value : List.of("-", "200", "Missing Authentication Token")) {
            JsonNode line = Api.JSON.readTree(CONTEXT_VARIABLE.matcher(format).replaceAll(value));
            assertTrue(line.isObject());
            line.fields().forEachRemaining(field -> assertEquals(value, field.getValue().asText(), field.getKey()));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Api.JSON.readTree(format).fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("requestId", "$context.requestId");
        expected.put("extendedRequestId", "$context.extendedRequestId");
        expected.put("ip", "$context.identity.sourceIp");
        expected.put("userAgent", "$context.identity.userAgent");
        expected.put("requestTimeEpoch", "$context.requestTimeEpoch");
        expected.put("httpMethod", "$context.httpMethod");
        expected.put("resourcePath", "$context.resourcePath");
        expected.put("path", "$context.path");
        expected.put("status", "$context.status");
        expected.put("protocol", "$context.protocol");
        expected.put("responseLength", "$context.responseLength");
        expected.put("integrationLatency", "$context.integrationLatency");
        expected.put("responseLatency", "$context.responseLatency");
        expected.put("integrationStatus", "$context.integrationStatus");
        expected.put("errorMessage", "$context.error.message");
        expected.put("errorResponseType", "$context.error.responseType");
        expected.put("xrayTraceId", "$context.xrayTraceId");
        expected.put("wafResponseCode", "$context.wafResponseCode");
        assertEquals(expected, fields);
    }

    /** Access logging needs the account's CloudWatch role before the stage exists, when the stack sets it. */
    @Test
    void theStageWaitsForTheAccountRoleTheStackMaySet() {
        assertEquals("ApiGatewayAccountReady", map(resources.get("SharingApi")).get("DependsOn"));
        Map<String, Object> ready = map(resources.get("ApiGatewayAccountReady"));
        assertEquals(List.of("CreateApiGatewayAccount", "ApiGatewayAccount", ""),
                map(ready.get("Metadata")).get("ApiGatewayAccount"));
        Map<String, Object> account = map(resources.get("ApiGatewayAccount"));
        assertEquals("CreateApiGatewayAccount", account.get("Condition"));
        assertEquals("ApiGatewayCloudWatchRole.Arn", map(account.get("Properties")).get("CloudWatchRoleArn"));
        assertEquals("Retain", account.get("DeletionPolicy"), "other APIs of the region may log through it");
        assertEquals("Retain", map(resources.get("ApiGatewayCloudWatchRole")).get("DeletionPolicy"));
        assertEquals(List.of("CreateApiGatewayAccountRole", "true"), map(template.get("Conditions")).get("CreateApiGatewayAccount"));
        assertEquals("true", parameter("CreateApiGatewayAccountRole").get("Default"));
    }

    @Test
    void theStageIsThrottledByItsParameters() {
        List<?> settings = (List<?>) properties("SharingApi").get("MethodSettings");
        assertEquals(1, settings.size());
        Map<String, Object> all = map(settings.get(0));
        assertEquals("/*", all.get("ResourcePath"));
        assertEquals("*", all.get("HttpMethod"));
        assertEquals("ApiThrottlingRateLimit", all.get("ThrottlingRateLimit"));
        assertEquals("ApiThrottlingBurstLimit", all.get("ThrottlingBurstLimit"));
        int rate = ((Number) parameter("ApiThrottlingRateLimit").get("Default")).intValue();
        int burst = ((Number) parameter("ApiThrottlingBurstLimit").get("Default")).intValue();
        assertTrue(rate > 0 && burst >= rate, "rate " + rate + ", burst " + burst);
    }

    /** WAF refuses exactly the bodies the functions would refuse, with the functions' own answer. */
    @Test
    void theWafBodyLimitIsTheServicesLimitAndAnswersLikeIt() throws Exception {
        Map<String, Object> acl = map(resources.get("ApiWebAcl"));
        assertEquals("WafEnabled", acl.get("Condition"));
        Map<String, Object> properties = map(acl.get("Properties"));
        assertEquals("REGIONAL", properties.get("Scope"));
        assertTrue(map(properties.get("DefaultAction")).containsKey("Allow"));

        List<?> rules = (List<?>) properties.get("Rules");
        assertEquals(1, rules.size());
        Map<String, Object> rule = map(rules.get(0));
        Map<String, Object> size = map(map(rule.get("Statement")).get("SizeConstraintStatement"));
        assertEquals(RequestBodyFilter.MAX_BODY_BYTES, ((Number) size.get("Size")).intValue());
        assertEquals("GT", size.get("ComparisonOperator"));
        assertEquals("MATCH", map(map(size.get("FieldToMatch")).get("Body")).get("OversizeHandling"),
                "a body longer than WAF is sent is over the limit");
        String inspected = (String) map(map(map(properties.get("AssociationConfig")).get("RequestBody"))
                .get("API_GATEWAY")).get("DefaultSizeInspectionLimit");
        int inspectedBytes = Integer.parseInt(inspected.replaceFirst("^KB_", "")) * 1024;
        assertTrue(inspectedBytes >= RequestBodyFilter.MAX_BODY_BYTES,
                "with MATCH on oversize, WAF must see at least the allowed body, or it blocks smaller ones: " + inspected);

        Map<String, Object> response = map(map(map(rule.get("Action")).get("Block")).get("CustomResponse"));
        assertEquals(413, response.get("ResponseCode"));
        Map<String, Object> body = map(map(properties.get("CustomResponseBodies")).get(response.get("CustomResponseBodyKey")));
        assertEquals("APPLICATION_JSON", body.get("ContentType"));
        JsonNode waf = Api.JSON.readTree((String) body.get("Content"));

        // The service's own answer to a body one byte over its limit, through the Lambda handler.
        String project = Tokens.newProjectId();
        Api.Response service = LambdaApi.get().call("POST", "/v2/" + project + "/os-vendor-backup-sharing",
                Map.of("Content-Type", "application/json", "X-Auth-Token", Tokens.forProject(project)),
                "x".repeat(RequestBodyFilter.MAX_BODY_BYTES + 1));
        assertEquals(413, service.status(), service::toString);
        assertEquals(shape(service.json()), shape(waf));
        assertEquals(service.json().fieldNames().next(), waf.fieldNames().next());
        assertEquals(413, waf.get("overLimit").get("code").asInt());
        assertTrue(waf.get("overLimit").get("code").isInt());
        assertTrue(waf.get("overLimit").get("message").asText().contains(String.valueOf(RequestBodyFilter.MAX_BODY_BYTES)));

        Map<String, Object> association = map(resources.get("ApiWebAclAssociation"));
        assertEquals("WafEnabled", association.get("Condition"));
        assertEquals("ApiWebAcl.Arn", map(association.get("Properties")).get("WebACLArn"));
        String stage = (String) map(association.get("Properties")).get("ResourceArn");
        assertTrue(stage.contains("/restapis/${SharingApi}/stages/${SharingApi.Stage}"), stage);
    }

    @Test
    void everyFunctionHasAnErrorsAndAThrottlesAlarm() {
        for (String function : functions()) {
            for (String metric : List.of("Errors", "Throttles")) {
                List<Map<String, Object>> found = alarms("AWS/Lambda", metric, "FunctionName", function);
                assertEquals(1, found.size(), function + " " + metric);
                Map<String, Object> alarm = found.get(0);
                assertEquals("Sum", alarm.get("Statistic"));
                assertEquals(1, alarm.get("Threshold"));
                assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
                assertEquals("notBreaching", alarm.get("TreatMissingData"), "no invocations is no error");
                assertNotifies(alarm);
            }
        }
    }

    @Test
    void everyDeadLetterQueueHasAnAlarmOnAnyMessage() {
        List<String> queues = ofType("AWS::SQS::Queue");
        assertEquals(3, queues.size(), queues::toString);
        for (String queue : queues) {
            List<Map<String, Object>> found = alarms("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                    queue + ".QueueName");
            assertEquals(1, found.size(), queue);
            Map<String, Object> alarm = found.get(0);
            assertEquals(0, alarm.get("Threshold"));
            assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
            assertEquals("Maximum", alarm.get("Statistic"));
            assertNotifies(alarm);
        }
    }

    @Test
    void bothStreamConsumersHaveAnIteratorAgeAlarm() {
        List<String> consumers = functions().stream()
                .filter(f -> map(properties(f).getOrDefault("Events", Map.of())).values().stream()
                        .anyMatch(e -> "DynamoDB".equals(map(e).get("Type"))))
                .toList();
        assertEquals(Set.of("BackupWorkerFunction", "EventPublisherFunction"), Set.copyOf(consumers));
        for (String consumer : consumers) {
            List<Map<String, Object>> found = alarms("AWS/Lambda", "IteratorAge", "FunctionName", consumer);
            assertEquals(1, found.size(), consumer);
            assertEquals("Maximum", found.get(0).get("Statistic"));
            assertTrue(((Number) found.get(0).get("Threshold")).intValue() > 0);
            assertNotifies(found.get(0));
        }
    }

    /** 5xx answers as a share of all requests, silent below a minimum number of requests. */
    @Test
    void theApiServerErrorAlarmIsARateOverEnoughRequests() {
        Map<String, Object> alarm = map(map(resources.get("ApiServerErrorRateAlarm")).get("Properties"));
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Object query : (List<?>) alarm.get("Metrics")) {
            byId.put((String) map(query).get("Id"), map(query));
        }
        assertEquals(Set.of("errors", "requests", "rate"), byId.keySet());
        String apiName = (String) properties("SharingApi").get("Name");
        for (var metric : Map.of("errors", "5XXError", "requests", "Count").entrySet()) {
            Map<String, Object> stat = map(byId.get(metric.getKey()).get("MetricStat"));
            Map<String, Object> m = map(stat.get("Metric"));
            assertEquals("AWS/ApiGateway", m.get("Namespace"));
            assertEquals(metric.getValue(), m.get("MetricName"));
            assertEquals(Map.of("ApiName", apiName, "Stage", "StageName"), dimensions(m.get("Dimensions")));
            assertEquals("Sum", stat.get("Stat"));
            assertEquals(300, stat.get("Period"));
            assertEquals(false, byId.get(metric.getKey()).get("ReturnData"));
        }
        assertEquals(true, byId.get("rate").get("ReturnData"));
        String expression = (String) byId.get("rate").get("Expression");
        assertEquals("IF(requests >= 20, 100 * errors / requests, 0)", expression);
        assertEquals(1, alarm.get("Threshold"));
        assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
        // The expression, evaluated: 2 of 100 alarms, 1 of 100 does not, 5 of 10 is too few requests to judge.
        assertTrue(rate(2, 100) > 1 && rate(1, 100) <= 1 && rate(5, 10) <= 1);
        assertEquals("notBreaching", alarm.get("TreatMissingData"));
        assertNotifies(alarm);
    }

    @Test
    void theDashboardIsJsonAndShowsEveryOperation() throws Exception {
        Map<String, Object> dashboard = map(map(resources.get("OperationsDashboard")).get("Properties"));
        String body = (String) dashboard.get("DashboardBody");
        Set<String> substituted = new TreeSet<>();
        Matcher sub = SUB_VARIABLE.matcher(body);
        while (sub.find()) {
            substituted.add(sub.group(1));
        }
        for (String name : substituted) {
            String resource = name.split("\\.")[0];
            assertTrue(name.startsWith("AWS::") || resources.containsKey(resource) || parameters().containsKey(resource),
                    "${" + name + "} names nothing in the template");
        }
        JsonNode parsed = Api.JSON.readTree(SUB_VARIABLE.matcher(body).replaceAll("x"));
        assertTrue(parsed.get("widgets").isArray());

        Map<String, Set<String>> operationsByMetric = new HashMap<>();
        Set<String> namespaces = new TreeSet<>();
        for (JsonNode widget : parsed.get("widgets")) {
            JsonNode metrics = widget.path("properties").path("metrics");
            for (JsonNode row : metrics) {
                List<String> parts = new ArrayList<>();
                row.forEach(part -> { if (part.isTextual()) { parts.add(part.asText()); } });
                int operation = parts.indexOf("Operation");
                if (operation > 0) {
                    namespaces.add(parts.get(0));
                    operationsByMetric.computeIfAbsent(parts.get(1), k -> new TreeSet<>()).add(parts.get(operation + 1));
                }
            }
        }
        assertEquals(Set.of(SUB_VARIABLE.matcher(NAMESPACE).replaceAll("x")), namespaces, "the functions' namespace");

        Set<String> api = Arrays.stream(ApiOperation.values()).map(ApiOperation::operationId)
                .collect(Collectors.toCollection(TreeSet::new));
        api.add(UNMATCHED_ROUTE);
        Set<String> all = new TreeSet<>(api);
        all.addAll(NON_API_OPERATIONS);
        for (String metric : List.of("Requests", "ClientErrors", "ServerErrors")) {
            assertEquals(api, operationsByMetric.get(metric), metric);
        }
        for (String metric : List.of("Latency", "DynamoDbCalls", "DynamoDbTime", "ConsumedReadCapacity", "ConsumedWriteCapacity")) {
            assertEquals(all, operationsByMetric.get(metric), metric);
        }
        assertEquals(Set.copyOf(NON_API_OPERATIONS), operationsByMetric.get("Records"));
        assertEquals(Set.copyOf(NON_API_OPERATIONS), operationsByMetric.get("FailedRecords"));
        assertEquals(Set.of("CreateShares", "AutomateShares"), operationsByMetric.get("SharesCreated"));
        assertEquals(Set.of("DeleteShares", "DeleteBackup"), operationsByMetric.get("SharesRevoked"));
        assertEquals(Set.of("PublishEvents"), operationsByMetric.get("EventsPublished"));
        assertEquals(Set.of("PublishEvents"), operationsByMetric.get("EventsFailed"));

        // Every alarm of the stack is on the dashboard's alarm widget.
        int shown = 0;
        for (JsonNode widget : parsed.get("widgets")) {
            shown += widget.path("properties").path("alarms").size();
        }
        assertEquals(ofType("AWS::CloudWatch::Alarm").size(), shown);
        Matcher arns = Pattern.compile("\\$\\{(\\w+)\\.Arn}").matcher(body);
        Set<String> alarmsOnDashboard = new TreeSet<>();
        while (arns.find()) {
            alarmsOnDashboard.add(arns.group(1));
        }
        assertEquals(new TreeSet<>(ofType("AWS::CloudWatch::Alarm")), alarmsOnDashboard);
    }

    @Test
    void theOutputsNameTheDashboardTheAccessLogAndTheAlarmTopic() {
        Map<String, Object> outputs = map(template.get("Outputs"));
        assertEquals("OperationsDashboard", map(outputs.get("DashboardName")).get("Value"));
        assertTrue(String.valueOf(map(outputs.get("DashboardUrl")).get("Value")).contains("${OperationsDashboard}"));
        assertEquals("ApiAccessLogGroup", map(outputs.get("ApiAccessLogGroupName")).get("Value"));
        assertEquals("AlarmTopic", map(outputs.get("AlarmTopicArn")).get("Value"));
    }

    private static double rate(double errors, double requests) {
        return requests >= 20 ? 100 * errors / requests : 0;
    }

    private static void assertNotifies(Map<String, Object> alarm) {
        assertEquals(List.of("AlarmTopic"), alarm.get("AlarmActions"));
        assertEquals(List.of("AlarmTopic"), alarm.get("OKActions"));
    }

    /** The structure of a JSON answer: field names and value types, not values. */
    private static String shape(JsonNode node) {
        if (!node.isObject()) {
            return node.getNodeType().toString();
        }
        StringBuilder shape = new StringBuilder("{");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        List<String> parts = new ArrayList<>();
        fields.forEachRemaining(f -> parts.add(f.getKey() + ":" + shape(f.getValue())));
        parts.sort(String::compareTo);
        return shape.append(String.join(",", parts)).append("}").toString();
    }

    private List<Map<String, Object>> alarms(String namespace, String metric, String dimension, String value) {
        return ofType("AWS::CloudWatch::Alarm").stream()
                .map(this::properties)
                .filter(p -> namespace.equals(p.get("Namespace")) && metric.equals(p.get("MetricName")))
                .filter(p -> value.equals(dimensions(p.get("Dimensions")).get(dimension)))
                .toList();
    }

    private static Map<String, Object> dimensions(Object list) {
        Map<String, Object> dimensions = new HashMap<>();
        for (Object dimension : (List<?>) list) {
            dimensions.put((String) map(dimension).get("Name"), map(dimension).get("Value"));
        }
        return dimensions;
    }

    private Map<String, Object> globals() {
        return map(map(template.get("Globals")).get("Function"));
    }

    private Map<String, Object> parameters() {
        return map(template.get("Parameters"));
    }

    private Map<String, Object> parameter(String name) {
        return map(parameters().get(name));
    }

    private List<String> functions() {
        List<String> functions = ofType("AWS::Serverless::Function");
        assertEquals(17, functions.size());
        return functions;
    }

    private List<String> ofType(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey).toList();
    }

    private Map<String, Object> properties(String resource) {
        return map(map(resources.get(resource)).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
