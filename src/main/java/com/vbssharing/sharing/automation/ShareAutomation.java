package com.vbssharing.sharing.automation;

import com.vbssharing.api.ApiException;
import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.JsonBodies;
import com.vbssharing.sharing.NewShares;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Share and unshare requested by EventBridge events instead of HTTP, through the very same validation and
 * service code. A request that is invalid or conflicts is sent, with its reason, to the dead-letter queue;
 * anything else that fails is rethrown so Lambda retries it and, in the end, hands it to its own
 * on-failure destination. Nothing is lost silently.
 */
@Singleton
@Requires(classes = SqsClient.class)
public class ShareAutomation {

    public static final String SHARE_REQUESTED = "Backup Share Requested";
    public static final String UNSHARE_REQUESTED = "Backup Unshare Requested";

    private static final Set<String> DETAIL_FIELDS = Set.of("project_id", "backup_id", "to_project_ids");

    private final ShareService service;
    private final JsonBodies jsonBodies;
    private final JsonMapper jsonMapper;
    private final SqsClient sqs;
    private final AutomationConfiguration configuration;

    public ShareAutomation(ShareService service, JsonBodies jsonBodies, JsonMapper jsonMapper, SqsClient sqs,
                           AutomationConfiguration configuration) {
        this.service = service;
        this.jsonBodies = jsonBodies;
        this.jsonMapper = jsonMapper;
        this.sqs = sqs;
        this.configuration = configuration;
    }

    /** Handles one EventBridge event; answers what happened (also for a rejected request). */
    public Map<String, Object> handle(Map<String, Object> event) {
        try {
            Map<String, Object> result = apply(String.valueOf(event.get("detail-type")), event.get("detail"));
            result.put("event_id", event.get("id"));
            return result;
        } catch (ApiException rejected) {
            if (rejected.status().getCode() >= 500) {
                throw rejected; // not the request's fault (DynamoDB unavailable): Lambda retries the event
            }
            deadLetter(event, rejected);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("event_id", event.get("id"));
            result.put("outcome", "rejected");
            result.put("reason", rejected.getMessage());
            return result;
        }
    }

    private Map<String, Object> apply(String detailType, Object detail) {
        JsonNode fields = detail(detail);
        String projectId = JsonBodies.requiredString(fields, "project_id");
        Map<String, Object> result = new LinkedHashMap<>();
        switch (detailType) {
            case SHARE_REQUESTED -> {
                List<Share> created = service.create(projectId, NewShares.from(fields, projectId));
                result.put("outcome", "shared");
                result.put("share_ids", created.stream().map(Share::id).toList());
            }
            case UNSHARE_REQUESTED -> {
                String backupId = JsonBodies.requiredString(fields, "backup_id");
                JsonNode targets = fields.get("to_project_ids");
                if (targets == null || targets.isNull() || targets.size() == 0) {
                    service.delete(projectId, backupId, true);
                } else {
                    service.unshare(projectId, backupId, JsonBodies.requiredStringList(fields, "to_project_ids"));
                }
                result.put("outcome", "unshared");
            }
            default -> throw new BadRequestException("Unknown detail-type '" + detailType + "': expected '"
                    + SHARE_REQUESTED + "' or '" + UNSHARE_REQUESTED + "'.");
        }
        return result;
    }

    /** The event's detail, held to the same strict rules as an HTTP body. */
    private JsonNode detail(Object detail) {
        if (!(detail instanceof Map<?, ?>)) {
            throw new BadRequestException("The event has no detail object {project_id, backup_id, to_project_ids}.");
        }
        try {
            String json = jsonMapper.writeValueAsString(Map.of("detail", detail));
            return jsonBodies.envelope(json, "detail", DETAIL_FIELDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deadLetter(Map<String, Object> event, ApiException rejected) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("reason", rejected.getMessage());
        message.put("status", rejected.status().getCode());
        message.put("event", event);
        try {
            String body = jsonMapper.writeValueAsString(message);
            sqs.sendMessage(b -> b.queueUrl(configuration.getDeadLetterQueueUrl()).messageBody(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
