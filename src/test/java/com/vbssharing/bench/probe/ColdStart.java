package com.vbssharing.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.vbssharing.lambda.SnapStartPriming;

import java.lang.management.ManagementFactory;

/**
 * Main class of one cold start: in a fresh JVM, builds a handler the way the Lambda runtime does (no-arg
 * constructor, configuration from the environment and system properties) and answers proxy events in turn,
 * printing {@code status=<code> millis=<since JVM start> request=<millis in the handler>} after each.
 * Arguments: {@code ours|baseline} then, per event, {@code method pathAndQuery token body} ({@code -}: no body).
 * The benchmark times the first event; a training run (for a class-data archive) passes several.
 *
 * <p>With {@code -Dbench.primed=requests} the handler is primed before the first event, as SnapStart primes it
 * before the snapshot: ours runs {@code SnapStartPriming.prime()}; the baseline answers the same kinds of
 * requests (a list for another project, a share of an unknown backup). {@code -Dbench.primed=client} runs our narrower priming alone (one GetItem, JSON shapes); the
 * baseline then makes one GetItem.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = "baseline".equals(args[0])
                ? new BaselineHandler()
                : newOurHandler();
        String priming = System.getProperty("bench.primed", "");
        if (!priming.isEmpty()) {
            prime(handler, args, priming);
        }
        boolean allSucceeded = true;
        for (int i = 1; i + 3 < args.length; i += 4) {
            String body = "-".equals(args[i + 3]) ? null : args[i + 3];
            long started = System.nanoTime();
            APIGatewayProxyResponseEvent response = handler.handleRequest(
                    ProbeEvents.event(args[i], args[i + 1], args[i + 2], body), new ProbeContext());
            double request = (System.nanoTime() - started) / 1e6;
            long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("status=" + response.getStatusCode() + " millis=" + millis + " request=" + request);
            System.out.flush();
            allSucceeded &= response.getStatusCode() >= 200 && response.getStatusCode() < 300;
            if (!allSucceeded) {
                System.out.println(response.getBody());
            }
        }
        System.exit(allSucceeded ? 0 : 1);
    }

    private static void prime(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                              String[] args, String priming) throws Exception {
        boolean requests = "requests".equals(priming);
        if (handler instanceof BaselineHandler baseline) {
            if (requests) {
                // A compile-time constant: inlined, so the baseline's JVM still loads no class of ours.
                baseline.primeRequests(args[3], SnapStartPriming.ROUNDS);
            } else {
                baseline.primeClient();
            }
            return;
        }
        Object context = handler.getClass().getMethod("getApplicationContext").invoke(handler);
        Object bean = context.getClass().getMethod("getBean", Class.class)
                .invoke(context, Class.forName("com.vbssharing.lambda.SnapStartPriming"));
        bean.getClass().getMethod(requests ? "prime" : "primeClientAndCodecs").invoke(bean);
    }

    /** By name, so the baseline's JVM never loads a Micronaut class. */
    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> newOurHandler() throws Exception {
        String handler = System.getProperty("bench.handler",
                "com.vbssharing.lambda.ApiHandler");
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) Class
                .forName(handler).getConstructor().newInstance();
    }
}
