package com.vbssharing.events;

import com.vbssharing.storage.TableChanges;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
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
public class EventPublisherHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisherHandler.class);

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
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
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
        if (accepted < entries.size()) {
            firstFailed = recordOfEntry.get(accepted);
        }
        // Lambda resumes from the lowest sequence number reported, so every later record is reported as well.
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records.subList(firstFailed, records.size())) {
            failures.add(StreamsEventResponse.BatchItemFailure.builder()
                    .withItemIdentifier(record.getDynamodb().getSequenceNumber())
                    .build());
        }
        if (!failures.isEmpty()) {
            LOG.warn("{} of {} stream records are reported for retry", failures.size(), records.size());
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}
