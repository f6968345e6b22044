package com.vbssharing.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import com.vbssharing.lambda.ApiHandler;

import java.util.Map;

/**
 * An application context of a test's own on the shared table that records every DynamoDB call it makes
 * ({@link DynamoDbCallRecorder}), with the API through a Lambda handler on it. No table bootstrap and no stream
 * poller, so the calls recorded are the ones the test causes.
 */
public final class RecordingApp implements AutoCloseable {

    private final ApplicationContext context;
    private final DynamoDbCallRecorder recorder;
    private final Api api;

    private RecordingApp(Map<String, Object> extraProperties) {
        Map<String, Object> properties = TestApp.quietContextProperties();
        properties.put("vbs.test.record-dynamodb-calls", true);
        properties.putAll(extraProperties);
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        recorder = context.getBean(DynamoDbCallRecorder.class);
        api = new LambdaApi(new ApiHandler(context));
    }

    public static RecordingApp start(Map<String, Object> extraProperties) {
        return new RecordingApp(extraProperties);
    }

    public ApplicationContext context() {
        return context;
    }

    public DynamoDbCallRecorder recorder() {
        return recorder;
    }

    public Api api() {
        return api;
    }

    @Override
    public void close() {
        context.close();
    }
}
