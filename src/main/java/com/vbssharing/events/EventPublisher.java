package com.vbssharing.events;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.List;

/** Publishes entries to EventBridge in order, in calls of at most {@value #MAX_ENTRIES_PER_CALL}. */
@Singleton
@Requires(classes = EventBridgeClient.class)
public class EventPublisher {

    /** PutEvents accepts at most this many entries a call. */
    public static final int MAX_ENTRIES_PER_CALL = 10;

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final EventBridgeClient eventBridge;

    public EventPublisher(EventBridgeClient eventBridge) {
        this.eventBridge = eventBridge;
    }

    /**
     * Returns how many entries, from the first, EventBridge accepted: all of them, or the position of the first
     * that failed. It stops there, because the caller retries from that entry and would publish the rest twice.
     */
    public int publishInOrder(List<PutEventsRequestEntry> entries) {
        for (int start = 0; start < entries.size(); start += MAX_ENTRIES_PER_CALL) {
            List<PutEventsRequestEntry> chunk = entries.subList(start, Math.min(entries.size(), start + MAX_ENTRIES_PER_CALL));
            int accepted = put(chunk);
            if (accepted < chunk.size()) {
                return start + accepted;
            }
        }
        return entries.size();
    }

    private int put(List<PutEventsRequestEntry> chunk) {
        PutEventsResponse response;
        try {
            response = eventBridge.putEvents(request -> request.entries(chunk));
        } catch (RuntimeException e) {
            LOG.warn("PutEvents of {} entries failed", chunk.size(), e);
            return 0;
        }
        List<PutEventsResultEntry> results = response.entries();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).errorCode() != null) {
                LOG.warn("EventBridge rejected entry {} of {}: {} {}", i, chunk.size(),
                        results.get(i).errorCode(), results.get(i).errorMessage());
                return i;
            }
        }
        Integer failed = response.failedEntryCount();
        if (failed != null && failed > 0) {
            LOG.warn("EventBridge reported {} failed entries without saying which; retrying all {}", failed, chunk.size());
            return 0;
        }
        return chunk.size();
    }
}
