package com.vbssharing.events;

import com.vbssharing.storage.TableChanges;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.vbssharing.lambda.StreamBatchHandler;
import com.vbssharing.observability.Counter;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lambda entry point on the table's DynamoDB stream: publishes every share created or deleted and every backup
 * status change to EventBridge. Delivery is at least once; each event's {@code change_id} (the stream record's
 * event id) lets consumers drop repeats.
 */
public class EventPublisherHandler extends StreamBatchHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisherHandler.class);

    /** The operation name of a batch in logs and metrics. */
    public static final String OPERATION = "PublishEvents";

    @Inject
    ChangeEvents changeEvents;

    @Inject
    EventPublisher publisher;

    public EventPublisherHandler() {
    }

    public EventPublisherHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String operation() {
        return OPERATION;
    }

    @Override
    protected StreamsEventResponse handle(List<DynamodbEvent.DynamodbStreamRecord> records) {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        List<Integer> recordOfEntry = new ArrayList<>();
        int firstFailed = records.size();
        for (int i = 0; i < records.size(); i++) {
            Optional<PutEventsRequestEntry> entry;
            try {
                entry = changeEvents.toEntry(TableChanges.decode(records.get(i)));
            } catch (RuntimeException e) {
                LOG.warn("Stream record {} could not be read", records.get(i).getEventID(), e);
                firstFailed = i;
                break;
            }
            if (entry.isPresent()) {
                entries.add(entry.get());
                recordOfEntry.add(i);
            }
        }
        int accepted = publisher.publishInOrder(entries);
        observations().count(Counter.EVENTS_PUBLISHED, accepted);
        observations().count(Counter.EVENTS_FAILED, entries.size() - accepted);
        if (accepted < entries.size()) {
            firstFailed = recordOfEntry.get(accepted);
        }
        // Lambda resumes from the lowest sequence number reported, so every later record is reported as well.
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records.subList(firstFailed, records.size())) {
            failures.add(failure(record));
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}
