package com.vbssharing.aws.internal;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a SnapStart restore, an AWS client's HTTP client holds none of the connections it had before. */
class ReconnectAfterRestoreTest {

    private static final AttributeMap SERVICE_DEFAULTS = AttributeMap.builder()
            .put(SdkHttpConfigurationOption.READ_TIMEOUT, Duration.ofSeconds(7)).build();

    /** Counts what was built from it, and with which settings. */
    private static final class RecordingBuilder implements SdkHttpClient.Builder<RecordingBuilder> {
        final List<RecordingClient> built = new ArrayList<>();
        final List<AttributeMap> settings = new ArrayList<>();

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            settings.add(serviceDefaults);
            RecordingClient client = new RecordingClient();
            built.add(client);
            return client;
        }
    }

    private static final class RecordingClient implements SdkHttpClient {
        int requests;
        boolean closed;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests++;
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aRestoreReplacesTheClientWithOneBuiltTheSameWayAndClosesTheOldOne() {
        RecordingBuilder builder = new RecordingBuilder();
        ReconnectAfterRestore client = (ReconnectAfterRestore) ReconnectAfterRestore.around(builder)
                .buildWithDefaults(SERVICE_DEFAULTS);
        client.prepareRequest(null);

        client.afterRestore(null);
        client.prepareRequest(null);

        assertEquals(2, builder.built.size());
        assertSame(SERVICE_DEFAULTS, builder.settings.get(0));
        assertSame(SERVICE_DEFAULTS, builder.settings.get(1));
        assertTrue(builder.built.get(0).closed, "the restored pool is closed");
        assertEquals(1, builder.built.get(0).requests);
        assertEquals(1, builder.built.get(1).requests, "calls after the restore go to the new client");
        assertEquals(false, builder.built.get(1).closed);
    }

    @Test
    void aCheckpointLeavesTheConnectionsToPriming() {
        RecordingBuilder builder = new RecordingBuilder();
        ReconnectAfterRestore client = (ReconnectAfterRestore) ReconnectAfterRestore.around(builder)
                .buildWithDefaults(SERVICE_DEFAULTS);

        client.beforeCheckpoint(null);
        client.prepareRequest(null);

        assertEquals(1, builder.built.size());
        assertEquals(1, builder.built.get(0).requests);
    }

    @Test
    void aClosedClientStaysClosedAfterARestore() {
        RecordingBuilder builder = new RecordingBuilder();
        ReconnectAfterRestore client = (ReconnectAfterRestore) ReconnectAfterRestore.around(builder)
                .buildWithDefaults(SERVICE_DEFAULTS);

        client.close();
        client.afterRestore(null);

        assertEquals(1, builder.built.size(), "nothing is built for a client the SDK has closed");
        assertTrue(builder.built.get(0).closed);
    }

    private HttpServer server;
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("{}".getBytes());
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void withApachesClientTheFirstCallAfterARestoreOpensANewConnection() throws IOException {
        SdkHttpClient http = ReconnectAfterRestore.around(ApacheHttpClient.builder()).build();
        try {
            call(http);
            call(http);
            ((ReconnectAfterRestore) http).afterRestore(null);
            call(http);
        } finally {
            http.close();
        }

        assertEquals(3, clientPorts.size());
        assertEquals(clientPorts.get(0), clientPorts.get(1), "kept alive before the restore");
        assertNotEquals(clientPorts.get(1), clientPorts.get(2), "not reused after it");
    }

    private void call(SdkHttpClient http) throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build();
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call();
        assertEquals(200, response.httpResponse().statusCode());
        try (InputStream body = response.responseBody().orElseThrow()) {
            body.readAllBytes();
        }
    }
}
