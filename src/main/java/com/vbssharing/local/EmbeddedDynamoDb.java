package com.vbssharing.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local running inside this JVM, for the local run and the tests. The DynamoDBLocal library is a
 * provided-scope dependency: this class is never loaded in Lambda, and the library is not in its artifact.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on a free loopback port; persists to {@code dataDir}, or keeps everything in memory when null. */
    public static EmbeddedDynamoDb start(Path dataDir) {
        try {
            int port = freePort();
            List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port)));
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                Files.createDirectories(dataDir);
                args.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString(), "-sharedDb"));
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new EmbeddedDynamoDb(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start DynamoDB Local: " + e.getMessage(), e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
