package com.vbssharing.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.vbssharing.observability.Observations;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.util.List;

/**
 * A Lambda entry point on the table's DynamoDB stream that answers with a partial batch response: each batch is
 * one observed operation (its log line and metrics, {@link Observations#batch}), and the failed records are reported
 * by sequence number so that Lambda retries from the first of them.
 */
public abstract class StreamBatchHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private Observations observations;

    protected StreamBatchHandler() {
    }

    protected StreamBatchHandler(ApplicationContext context) {
        super(context);
    }

    @Inject
    public void setObservations(Observations observations) {
        this.observations = observations;
    }

    /** Singletons on first use, not all at start-up ({@link StartupConfigurer#lambdaContextBuilder}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return StartupConfigurer.lambdaContextBuilder();
    }

    @Override
    public final StreamsEventResponse execute(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        return observations.batch(operation(), records.size(), response -> response.getBatchItemFailures().size(),
                () -> handle(records));
    }

    /** The operation name of a batch in logs and metrics. */
    protected abstract String operation();

    protected abstract StreamsEventResponse handle(List<DynamodbEvent.DynamodbStreamRecord> records);

    /** For what the batch did beyond its records (events published, ...). */
    protected Observations observations() {
        return observations;
    }

    protected static StreamsEventResponse.BatchItemFailure failure(DynamodbEvent.DynamodbStreamRecord record) {
        return StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(record.getDynamodb().getSequenceNumber())
                .build();
    }
}
