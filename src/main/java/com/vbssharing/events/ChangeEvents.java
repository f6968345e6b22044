package com.vbssharing.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.vbssharing.api.Timestamps;
import com.vbssharing.backup.Backup;
import com.vbssharing.sharing.Share;
import com.vbssharing.storage.TableChange;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a table change into at most one EventBridge entry: a share created or deleted, or a backup whose status
 * changed (a removed backup goes to {@code deleted}). Everything else in the stream, such as share id lookup
 * items and share-count updates, is no event.
 */
@Singleton
public class ChangeEvents {

    public static final String SOURCE = "vbs.sharing";
    public static final String SHARE_CREATED = "Backup Share Created";
    public static final String SHARE_DELETED = "Backup Share Deleted";
    public static final String BACKUP_STATUS_CHANGED = "Backup Status Changed";
    /** The status a removed backup is reported in; the table never stores it. */
    public static final String DELETED_STATUS = "deleted";

    private static final JsonFactory JSON = new JsonFactory();

    private final EventsConfiguration configuration;

    public ChangeEvents(EventsConfiguration configuration) {
        this.configuration = configuration;
    }

    public Optional<PutEventsRequestEntry> toEntry(TableChange change) {
        if (change instanceof TableChange.ShareChange share) {
            return shareEvent(share);
        }
        if (change instanceof TableChange.BackupChange backup) {
            return backupEvent(backup);
        }
        return Optional.empty();
    }

    private Optional<PutEventsRequestEntry> shareEvent(TableChange.ShareChange change) {
        boolean created = change.kind() == TableChange.Kind.INSERT;
        if (!created && change.kind() != TableChange.Kind.REMOVE) {
            return Optional.empty(); // shares are immutable: a modification is nothing consumers know of
        }
        Share share = change.share();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("share_id", share.id());
        detail.put("backup_id", share.backupId());
        detail.put("from_project_id", share.fromProjectId());
        detail.put("to_project_id", share.toProjectId());
        detail.put("created_at", share.createdAt());
        if (!created) {
            detail.put("deleted_at", changeTime(change));
        }
        detail.put("change_id", change.eventId());
        return Optional.of(entry(created ? SHARE_CREATED : SHARE_DELETED, change, detail));
    }

    private Optional<PutEventsRequestEntry> backupEvent(TableChange.BackupChange change) {
        boolean removed = change.kind() == TableChange.Kind.REMOVE;
        String oldStatus = change.before().map(backup -> backup.status().value()).orElse(null);
        String newStatus = removed ? DELETED_STATUS : change.after().map(backup -> backup.status().value()).orElse(null);
        if (Objects.equals(oldStatus, newStatus)) {
            return Optional.empty();
        }
        Backup backup = change.latest();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("backup_id", backup.id());
        detail.put("project_id", backup.projectId());
        detail.put("old_status", oldStatus);
        detail.put("new_status", newStatus);
        // A removal writes no updated_at: the removal's own time is when the status became "deleted".
        detail.put("updated_at", removed ? changeTime(change) : backup.updatedAt());
        detail.put("change_id", change.eventId());
        return Optional.of(entry(BACKUP_STATUS_CHANGED, change, detail));
    }

    private PutEventsRequestEntry entry(String detailType, TableChange change, Map<String, String> detail) {
        return PutEventsRequestEntry.builder()
                .eventBusName(configuration.getBusName())
                .source(SOURCE)
                .detailType(detailType)
                .resources(List.of())
                .time(change.time())
                .detail(json(detail))
                .build();
    }

    /** Rounded down to the second by DynamoDB Streams (to the minute by DynamoDB Local). */
    private static String changeTime(TableChange change) {
        return change.time() == null ? null : Timestamps.format(change.time());
    }

    /** A flat JSON object in the map's order; absent values are written as null, so every field is always there. */
    private static String json(Map<String, String> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
