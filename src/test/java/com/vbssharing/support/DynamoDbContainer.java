package com.vbssharing.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * DynamoDB Local 2.6.1 in a container, to be paused, stopped and restarted under a running service. The image is
 * {@code vbs-sharing/dynamodb-local:2.6.1} where {@code scripts/build-test-images} has built it on this machine,
 * else the published {@code amazon/dynamodb-local:2.6.1} (pulled; needs a registry), or whatever
 * {@code VBS_DYNAMODB_IMAGE} names. Both listen on 8000, in memory.
 * <p>
 * The host port is bound when the container is created, so that it survives a stop and start (Docker gives a
 * container started again a new random port otherwise) and the service under test keeps its endpoint.
 */
public final class DynamoDbContainer implements AutoCloseable {

    public static final String BUILT_HERE = "vbs-sharing/dynamodb-local:2.6.1";
    public static final String PUBLISHED = "amazon/dynamodb-local:2.6.1";
    private static final int PORT = 8000;

    private final GenericContainer<?> container;
    private final int hostPort;

    private DynamoDbContainer(DockerImageName image, int hostPort) {
        this.hostPort = hostPort;
        this.container = new GenericContainer<>(image)
                .withExposedPorts(PORT)
                .withCreateContainerCmdModifier(create -> create.getHostConfig().withPortBindings(new PortBinding(
                        Ports.Binding.bindIpAndPort("127.0.0.1", hostPort), ExposedPort.tcp(PORT))))
                // DynamoDB Local answers a plain GET with 400 once it serves requests.
                .waitingFor(Wait.forHttp("/").forStatusCode(400).withStartupTimeout(Duration.ofSeconds(90)));
    }

    /** Starts a new container; fails (or, outside CI, skips the test) when there is no Docker engine. */
    public static DynamoDbContainer start() {
        Docker.require();
        DynamoDbContainer started = new DynamoDbContainer(image(), freePort());
        started.container.start();
        return started;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + hostPort;
    }

    /** Freezes the process ({@code docker pause}): connections stay open and requests get no answer. */
    public void pause() {
        docker().pauseContainerCmd(container.getContainerId()).exec();
    }

    public void unpause() {
        docker().unpauseContainerCmd(container.getContainerId()).exec();
    }

    /** Stops the container: connections are refused until {@link #restart()}. */
    public void stop() {
        docker().stopContainerCmd(container.getContainerId()).withTimeout(2).exec();
    }

    /** Starts the stopped container again and waits until it serves: in memory, so with no tables. */
    public void restart() {
        docker().startContainerCmd(container.getContainerId()).exec();
        Wait.forHttp("/").forStatusCode(400).withStartupTimeout(Duration.ofSeconds(90)).waitUntilReady(container);
    }

    /** Running and not paused again, whatever a test left: paused, stopped or neither. */
    public void heal() {
        var state = docker().inspectContainerCmd(container.getContainerId()).exec().getState();
        if (Boolean.TRUE.equals(state.getPaused())) {
            unpause();
        } else if (!Boolean.TRUE.equals(state.getRunning())) {
            restart();
        }
    }

    @Override
    public void close() {
        container.stop();
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    private static DockerImageName image() {
        String named = System.getenv("VBS_DYNAMODB_IMAGE");
        if (named != null && !named.isBlank()) {
            return DockerImageName.parse(named).asCompatibleSubstituteFor("amazon/dynamodb-local");
        }
        boolean builtHere = !docker().listImagesCmd().withImageNameFilter(BUILT_HERE).exec().isEmpty();
        return DockerImageName.parse(builtHere ? BUILT_HERE : PUBLISHED);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
