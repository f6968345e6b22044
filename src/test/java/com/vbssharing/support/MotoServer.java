package com.vbssharing.support;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** moto (the AWS service emulator python3 has on these machines) as a server on loopback, for one test class. */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(motoInstalled(), "python3 with moto is needed (preinstalled on these machines)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(new File("target/moto-" + port + ".log"))
                .start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new MotoServer(process, port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto did not start on port " + port);
    }

    private static boolean motoInstalled() throws IOException, InterruptedException {
        Process check = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true).start();
        return check.waitFor() == 0;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
