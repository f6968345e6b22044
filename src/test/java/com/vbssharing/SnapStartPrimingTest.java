package com.vbssharing;

import com.vbssharing.support.DynamoDbCallRecorder;
import com.vbssharing.support.TestApp;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapStartPrimingTest {

    @Test
    void primingIsEagerAndExercisesTheDynamoDbClient() {
        Map<String, Object> properties = TestApp.quietContextProperties();
        properties.put("vbs.test.record-dynamodb-calls", true);
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties).start()) {
            assertTrue(context.findBean(SnapStartPriming.class).isPresent(), "created at start-up, before any request");
            DynamoDbCallRecorder recorder = context.getBean(DynamoDbCallRecorder.class);
            recorder.drain();
            context.getBean(SnapStartPriming.class).beforeCheckpoint(null);
            assertEquals(java.util.List.of("GetItem"), recorder.drain());
        }
    }
}
