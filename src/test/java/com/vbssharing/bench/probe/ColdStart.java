package com.vbssharing.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.lang.management.ManagementFactory;

/**
 * Main class of one cold start: in a fresh JVM, builds a handler the way the Lambda runtime does (no-arg
 * constructor, configuration from the environment and system properties) and answers proxy events in turn,
 * printing {@code status=<code> millis=<since JVM start>} after each.
 * Arguments: {@code ours|baseline} then, per event, {@code method pathAndQuery token body} ({@code -}: no body).
 * The benchmark times the first event; a training run (for a class-data archive) passes several.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = "baseline".equals(args[0])
                ? new BaselineHandler()
                : newOurHandler();
        boolean allSucceeded = true;
        for (int i = 1; i + 3 < args.length; i += 4) {
            String body = "-".equals(args[i + 3]) ? null : args[i + 3];
            APIGatewayProxyResponseEvent response = handler.handleRequest(
                    ProbeEvents.event(args[i], args[i + 1], args[i + 2], body), new ProbeContext());
            long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("status=" + response.getStatusCode() + " millis=" + millis);
            System.out.flush();
            allSucceeded &= response.getStatusCode() >= 200 && response.getStatusCode() < 300;
            if (!allSucceeded) {
                System.out.println(response.getBody());
            }
        }
        System.exit(allSucceeded ? 0 : 1);
    }

    /** By name, so the baseline's JVM never loads a Micronaut class. */
    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> newOurHandler() throws Exception {
        String handler = System.getProperty("bench.handler",
                "io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction");
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) Class
                .forName(handler).getConstructor().newInstance();
    }
}
