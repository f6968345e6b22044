package com.vbssharing.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.management.ThreadMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Main class of the warm measurements: one JVM, one handler (as Lambda keeps a warm environment), answering
 * the requests of a plan file in order. For each request of the {@code measure} phase it prints
 * {@code req op totalNanos dynamoDbWaitNanos sdkCallNanos roundTrips readUnits writeUnits itemsRead responseBytes
 * cpuNanos allocatedBytes} (tab-separated), using {@link DynamoDbMeter}, and the invoking thread's CPU time and
 * allocations (steadier than wall time on a shared machine: neither counts time the thread waits or is descheduled);
 * after the plan, heap and resident memory.
 *
 * <p>Plan lines (tab-separated): {@code token projectId jwt} and
 * {@code request phase op method pathAndQuery projectId expectedStatus body|-}.
 */
public final class PlanRun {

    private PlanRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> plan = Files.readAllLines(Path.of(args[0]));
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = newHandler();
        Map<String, String> tokens = new HashMap<>();
        StringBuilder out = new StringBuilder(1 << 20);
        int requests = 0;
        ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String line : plan) {
            String[] f = line.split("\t", -1);
            if ("token".equals(f[0])) {
                tokens.put(f[1], f[2]);
                continue;
            }
            APIGatewayProxyRequestEvent event = ProbeEvents.event(f[3], f[4], tokens.get(f[5]), "-".equals(f[7]) ? null : f[7]);
            DynamoDbMeter.reset();
            long allocatedBefore = thread.getCurrentThreadAllocatedBytes();
            long cpuBefore = thread.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            APIGatewayProxyResponseEvent response = handler.handleRequest(event, new ProbeContext());
            long total = System.nanoTime() - started;
            long cpu = thread.getCurrentThreadCpuTime() - cpuBefore;
            long allocated = thread.getCurrentThreadAllocatedBytes() - allocatedBefore;
            requests++;
            if (response.getStatusCode() != Integer.parseInt(f[6])) {
                System.out.println("error\t" + f[2] + " " + f[3] + " " + f[4] + " answered " + response.getStatusCode()
                        + ", expected " + f[6] + ": " + response.getBody());
                System.exit(1);
            }
            if ("measure".equals(f[1])) {
                DynamoDbMeter.Totals t = DynamoDbMeter.totals();
                out.append("req\t").append(f[2]).append('\t').append(total).append('\t').append(t.waitNanos())
                        .append('\t').append(t.callNanos()).append('\t').append(t.roundTrips()).append('\t').append(t.readUnits())
                        .append('\t').append(t.writeUnits()).append('\t').append(t.itemsRead())
                        .append('\t').append(t.responseBytes()).append('\t').append(cpu).append('\t').append(allocated)
                        .append('\n');
            }
        }
        System.out.print(out);
        System.out.println(memory(requests));
        System.out.println("result=ok");
        System.out.flush();
        System.exit(0);
    }

    /** Heap after a full collection and the process's resident set, now and at its peak, in KiB. */
    private static String memory(int requests) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long rssBeforeGc = procStatus("VmRSS");
        System.gc();
        System.gc();
        return "memory\t" + requests + "\t" + memory.getHeapMemoryUsage().getUsed() / 1024
                + "\t" + memory.getHeapMemoryUsage().getCommitted() / 1024
                + "\t" + memory.getNonHeapMemoryUsage().getUsed() / 1024
                + "\t" + rssBeforeGc + "\t" + procStatus("VmHWM")
                + "\t" + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
    }

    private static long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> newHandler() throws Exception {
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) Class
                .forName(System.getProperty("bench.handler")).getConstructor().newInstance();
    }
}
