package com.vbssharing.backup.worker;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.vbssharing.lambda.StreamBatchHandler;
import com.vbssharing.storage.TableChanges;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Lambda entry point on the table's DynamoDB stream: completes every new backup. A record that fails is
 * reported back (partial batch response), so Lambda retries from it and nothing is skipped.
 */
public class BackupStreamHandler extends StreamBatchHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BackupStreamHandler.class);

    /** The operation name of a batch in logs and metrics. */
    public static final String OPERATION = "CompleteBackups";

    @Inject
    BackupWorker worker;

    public BackupStreamHandler() {
    }

    public BackupStreamHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String operation() {
        return OPERATION;
    }

    @Override
    protected StreamsEventResponse handle(List<DynamodbEvent.DynamodbStreamRecord> records) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
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
}
