package com.vbssharing.backup.worker;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.vbssharing.storage.TableChanges;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Lambda entry point on the table's DynamoDB stream: completes every new backup. A record that fails is
 * reported back (partial batch response), so Lambda retries from it and nothing is skipped.
 */
public class BackupStreamHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(BackupStreamHandler.class);

    @Inject
    BackupWorker worker;

    public BackupStreamHandler() {
    }

    public BackupStreamHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (!failures.isEmpty()) {
                // Lambda resumes from the first failure reported; later records are retried with it.
                failures.add(failure(record));
                continue;
            }
            try {
                worker.onChange(TableChanges.decode(record));
            } catch (RuntimeException e) {
                LOG.warn("Stream record {} failed; it and the records after it are reported for retry",
                        record.getEventID(), e);
                failures.add(failure(record));
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static StreamsEventResponse.BatchItemFailure failure(DynamodbEvent.DynamodbStreamRecord record) {
        return StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(record.getDynamodb().getSequenceNumber())
                .build();
    }
}
