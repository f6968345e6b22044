package com.vbssharing.deploy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Run in a fresh JVM on the Lambda artifact's classpath: builds the API handler the way Lambda does (no-arg
 * constructor, configuration from the environment) and answers one proxy event. Prints the status and the
 * milliseconds from JVM start to the answer.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withPath(args[0])
                .withHeaders(Map.of("X-Auth-Token", args[1], "Host", "localhost"))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext());
        APIGatewayProxyResponseEvent response = new ApiGatewayProxyRequestEventFunction()
                .handleRequest(event, new MockLambdaContext());
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("status=" + response.getStatusCode() + " millis=" + millis);
        System.exit(response.getStatusCode() == 200 ? 0 : 1);
    }
}
