package com.vbssharing.storage.internal;

import com.vbssharing.observability.Observation;
import com.vbssharing.observability.Observations;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.List;
import java.util.Set;

/**
 * Meters every DynamoDB call for the request or batch it serves: one call per API call (its retries included),
 * its time, and the capacity it consumed, which each request asks DynamoDB to return ({@code
 * ReturnConsumedCapacity=TOTAL}, a field of every data-plane request this service makes). Installed on the client by
 * {@link DynamoDbClientFactory}.
 */
@Singleton
public class DynamoDbUsageMeter implements ExecutionInterceptor {

    private static final ExecutionAttribute<Observation> OBSERVATION = new ExecutionAttribute<>("vbs.observation");
    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("vbs.start-nanos");
    private static final String RETURN_CONSUMED_CAPACITY = "ReturnConsumedCapacity";
    private static final String CONSUMED_CAPACITY = "ConsumedCapacity";
    private static final Set<Class<?>> READS = Set.of(GetItemRequest.class, BatchGetItemRequest.class,
            QueryRequest.class, ScanRequest.class, TransactGetItemsRequest.class);

    private final Observations observations;

    public DynamoDbUsageMeter(Observations observations) {
        this.observations = observations;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        observations.current().ifPresent(observation -> {
            attributes.putAttribute(OBSERVATION, observation);
            attributes.putAttribute(START, System.nanoTime());
        });
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (attributes.getAttribute(OBSERVATION) == null
                || request.getValueForField(RETURN_CONSUMED_CAPACITY, Object.class).isPresent()) {
            return request;
        }
        for (SdkField<?> field : request.sdkFields()) {
            if (field.memberName().equals(RETURN_CONSUMED_CAPACITY)) {
                SdkRequest.Builder builder = request.toBuilder();
                field.set(builder, ReturnConsumedCapacity.TOTAL.toString());
                return builder.build();
            }
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, context.request(), context.response());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, context.request(), null);
    }

    private static void record(ExecutionAttributes attributes, SdkRequest request, SdkResponse response) {
        Observation observation = attributes.getAttribute(OBSERVATION);
        if (observation == null) {
            return;
        }
        long nanos = System.nanoTime() - attributes.getAttribute(START);
        double read = 0;
        double write = 0;
        for (ConsumedCapacity consumed : consumedCapacity(response)) {
            if (consumed.readCapacityUnits() != null || consumed.writeCapacityUnits() != null) {
                read += consumed.readCapacityUnits() == null ? 0 : consumed.readCapacityUnits();
                write += consumed.writeCapacityUnits() == null ? 0 : consumed.writeCapacityUnits();
            } else if (consumed.capacityUnits() != null) {
                // Only the total was returned: it is of the kind the call consumes.
                if (READS.contains(request.getClass())) {
                    read += consumed.capacityUnits();
                } else {
                    write += consumed.capacityUnits();
                }
            }
        }
        observation.dynamoDbCall(nanos, read, write);
    }

    /** One entry for a single-item call or a query; one per table for batches and transactions. */
    private static List<ConsumedCapacity> consumedCapacity(SdkResponse response) {
        Object consumed = response == null ? null
                : response.getValueForField(CONSUMED_CAPACITY, Object.class).orElse(null);
        if (consumed instanceof ConsumedCapacity single) {
            return List.of(single);
        }
        if (consumed instanceof List<?> perTable) {
            return perTable.stream().filter(ConsumedCapacity.class::isInstance).map(ConsumedCapacity.class::cast).toList();
        }
        return List.of();
    }
}
