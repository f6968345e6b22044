package com.vbssharing.backup.worker;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.vbssharing.storage.TableChanges;
import com.vbssharing.observability.Observations;
import com.vbssharing.lambda.StartupConfigurer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
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

    @Inject
    Observations observations;

    /** The operation name of a batch in logs and metrics. */
    public static final String OPERATION = "CompleteBackups";

    public BackupStreamHandler() {
    }

    public BackupStreamHandler(ApplicationContext context) {
        super(context);
    }

    /** Singletons on first use, not all at start-up ({@link StartupConfigurer#lambdaContextBuilder}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return StartupConfigurer.lambdaContextBuilder();
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        return observations.batch(OPERATION, records.size(), response -> response.getBatchItemFailures().size(),
                () -> complete(records));
    }

    private StreamsEventResponse complete(List<DynamodbEvent.DynamodbStreamRecord> records) {
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

    private static StreamsEventResponse.BatchItemFailure failure(DynamodbEvent.DynamodbStreamRecord record) {
        return StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(record.getDynamodb().getSequenceNumber())
                .build();
    }
}
