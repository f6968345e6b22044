package com.vbssharing.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cold-start baseline: the least a Java Lambda function can do to answer the same two requests. No
 * framework, no token check, no validation, hand-written JSON; the same DynamoDB calls with the bare SDK and
 * the same HTTP client (create shares: one TransactWriteItems; list shares: one index Query and one
 * BatchGetItem of the backups).
 */
public final class BaselineHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Pattern PATH = Pattern.compile("^/v2/([^/]+)/os-vendor-backup-sharing(/detail)?$");
    private static final Pattern BACKUP_ID = Pattern.compile("\"backup_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TARGETS = Pattern.compile("\"to_project_ids\"\\s*:\\s*\\[([^]]*)]");

    private final DynamoDbClient dynamoDb;
    private final String table = System.getenv().getOrDefault("VBS_TABLE_NAME", "vbs-sharing");

    public BaselineHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(ApacheHttpClient.create())
                .region(Region.of(System.getProperty("aws.region", "us-east-1")));
        String endpoint = System.getenv("VBS_DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        dynamoDb = builder.build();
    }

    /** What AWS's SnapStart guide suggests at the least: one call, so the client's first-use work is done. */
    void primeClient() {
        dynamoDb.getItem(b -> b.tableName(table).key(Map.of("pk", s("PRIMING"), "sk", s("PRIMING"))));
    }

    /**
     * The same paths our priming runs, as many times: a list for a project with no shares, a share of an
     * unknown backup.
     */
    void primeRequests(String token, int rounds) {
        String project = "0000000000000000000000000000000a";
        for (int round = 0; round < rounds; round++) {
            handleRequest(ProbeEvents.event("GET", "/v2/" + project + "/os-vendor-backup-sharing/detail", token, null),
                    new ProbeContext());
            try {
                handleRequest(ProbeEvents.event("POST", "/v2/" + project + "/os-vendor-backup-sharing", token,
                        "{\"shared\":{\"backup_id\":\"" + UUID.randomUUID() + "\",\"to_project_ids\":[\""
                                + "0000000000000000000000000000000b\"]}}"), new ProbeContext());
            } catch (TransactionCanceledException expected) {
                // The backup does not exist: the transaction is cancelled and writes nothing.
            }
        }
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Matcher path = PATH.matcher(event.getPath());
        if (!path.matches()) {
            return respond(404, "{}");
        }
        String project = path.group(1);
        if ("POST".equals(event.getHttpMethod())) {
            return create(project, event.getBody());
        }
        return list(project);
    }

    private APIGatewayProxyResponseEvent create(String owner, String body) {
        Matcher backup = BACKUP_ID.matcher(body);
        Matcher targets = TARGETS.matcher(body);
        if (!backup.find() || !targets.find()) {
            return respond(400, "{}");
        }
        String backupId = backup.group(1);
        String now = LocalDateTime.now(ZoneOffset.UTC).toString();
        List<TransactWriteItem> writes = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"shared\":[");
        List<String> to = new ArrayList<>();
        for (String quoted : targets.group(1).split(",")) {
            to.add(quoted.trim().replace("\"", ""));
        }
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of("pk", s("PROJECT#" + owner), "sk", s("BACKUP#" + backupId)))
                .updateExpression("SET share_count = share_count + :n")
                .conditionExpression("attribute_exists(pk) AND #status = :available AND share_count <= :room")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":n", n(to.size()), ":available", s("available"),
                        ":room", n(10 - to.size())))).build());
        for (String target : to) {
            String id = UUID.randomUUID().toString();
            Map<String, AttributeValue> share = new HashMap<>(Map.of("share_id", s(id), "backup_id", s(backupId),
                    "from_project_id", s(owner), "to_project_id", s(target), "created_at", s(now), "updated_at", s(now)));
            Map<String, AttributeValue> lookup = new HashMap<>(share);
            share.putAll(Map.of("pk", s("PROJECT#" + owner), "sk", s("SHARE#" + backupId + "#" + target),
                    "gsi1pk", s("SHARED_BY#" + owner), "gsi1sk", s(now + "#" + id),
                    "gsi2pk", s("SHARED_WITH#" + target), "gsi2sk", s(now + "#" + id), "entity", s("share")));
            lookup.putAll(Map.of("pk", s("SHAREID#" + id), "sk", s("SHAREID#" + id), "entity", s("share_id")));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(share)
                    .conditionExpression("attribute_not_exists(pk)")).build());
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(lookup)
                    .conditionExpression("attribute_not_exists(pk)")).build());
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"id\":\"").append(id)
                    .append("\",\"backup_id\":\"").append(backupId).append("\",\"to_project_id\":\"").append(target)
                    .append("\"}");
        }
        dynamoDb.transactWriteItems(b -> b.transactItems(writes));
        return respond(200, json.append("]}").toString());
    }

    private APIGatewayProxyResponseEvent list(String owner) {
        List<Map<String, AttributeValue>> shares = dynamoDb.query(q -> q.tableName(table).indexName("shared-by-project")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("SHARED_BY#" + owner)))
                .limit(1000)).items();
        Map<String, Map<String, AttributeValue>> backupKeys = new LinkedHashMap<>();
        for (Map<String, AttributeValue> share : shares) {
            String backupId = share.get("backup_id").s();
            backupKeys.putIfAbsent(backupId, Map.of("pk", s("PROJECT#" + owner), "sk", s("BACKUP#" + backupId)));
        }
        Map<String, String> names = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>(backupKeys.values());
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + 100));
            dynamoDb.batchGetItem(b -> b.requestItems(Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(true).build())))
                    .responses().getOrDefault(table, List.of())
                    .forEach(item -> names.put(item.get("id").s(), item.containsKey("name") ? item.get("name").s() : ""));
        }
        StringBuilder json = new StringBuilder("{\"shared\":[");
        for (Map<String, AttributeValue> share : shares) {
            String backupId = share.get("backup_id").s();
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                    .append("{\"id\":\"").append(share.get("share_id").s())
                    .append("\",\"backup_id\":\"").append(backupId)
                    .append("\",\"backup\":{\"name\":\"").append(names.getOrDefault(backupId, "")).append("\"}}");
        }
        return respond(200, json.append("]}").toString());
    }

    private static APIGatewayProxyResponseEvent respond(int status, String body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
