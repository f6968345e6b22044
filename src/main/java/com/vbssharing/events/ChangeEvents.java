package com.vbssharing.events;

import com.vbssharing.storage.StreamChange;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.vbssharing.api.Timestamps;
import com.vbssharing.storage.Keys;
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
 * items and share-count updates, is no event. Attribute names are those of docs/data-model.md.
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

    public <V> Optional<PutEventsRequestEntry> toEntry(StreamChange<V> change) {
        String entity = change.latest("entity");
        if ("share".equals(entity)) {
            return shareEvent(change);
        }
        if ("backup".equals(entity)) {
            return backupEvent(change);
        }
        return Optional.empty();
    }

    private <V> Optional<PutEventsRequestEntry> shareEvent(StreamChange<V> change) {
        boolean created = StreamChange.INSERT.equals(change.eventName());
        if (!created && !StreamChange.REMOVE.equals(change.eventName())) {
            return Optional.empty(); // shares are immutable: a modification is nothing consumers know of
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("share_id", change.latest(Keys.SHARE_ID_ATTRIBUTE));
        detail.put("backup_id", change.latest("backup_id"));
        detail.put("from_project_id", change.latest("from_project_id"));
        detail.put("to_project_id", change.latest("to_project_id"));
        detail.put("created_at", change.latest("created_at"));
        if (!created) {
            detail.put("deleted_at", changeTime(change));
        }
        detail.put("change_id", change.eventId());
        return Optional.of(entry(created ? SHARE_CREATED : SHARE_DELETED, change, detail));
    }

    private <V> Optional<PutEventsRequestEntry> backupEvent(StreamChange<V> change) {
        boolean removed = StreamChange.REMOVE.equals(change.eventName());
        String oldStatus = StreamChange.INSERT.equals(change.eventName())
                ? null : change.before(Keys.BACKUP_STATUS_ATTRIBUTE);
        String newStatus = removed ? DELETED_STATUS : change.after(Keys.BACKUP_STATUS_ATTRIBUTE);
        if (Objects.equals(oldStatus, newStatus)) {
            return Optional.empty();
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("backup_id", change.latest("id"));
        detail.put("project_id", change.latest("project_id"));
        detail.put("old_status", oldStatus);
        detail.put("new_status", newStatus);
        // A removal writes no updated_at: the removal's own time is when the status became "deleted".
        detail.put("updated_at", removed ? changeTime(change) : change.after("updated_at"));
        detail.put("change_id", change.eventId());
        return Optional.of(entry(BACKUP_STATUS_CHANGED, change, detail));
    }

    private PutEventsRequestEntry entry(String detailType, StreamChange<?> change, Map<String, String> detail) {
        return PutEventsRequestEntry.builder()
                .eventBusName(configuration.getBusName())
                .source(SOURCE)
                .detailType(detailType)
                .resources(List.of())
                .time(change.approximateCreationTime())
                .detail(json(detail))
                .build();
    }

    /** Rounded down to the second by DynamoDB Streams (to the minute by DynamoDB Local). */
    private static String changeTime(StreamChange<?> change) {
        return change.approximateCreationTime() == null ? null : Timestamps.format(change.approximateCreationTime());
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
