package com.vbssharing.aws.internal;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * An AWS client's HTTP client that starts again with no connections after a SnapStart restore.
 *
 * <p>The snapshot is taken after priming, whose DynamoDB calls leave a kept-alive connection in the pool. A restore
 * brings that socket back open, but DynamoDB has long forgotten it. Apache's client checks a connection idle for
 * more than 2 s before reusing it, and a socket that merely stays silent passes that check: the first call would
 * be sent on it, fail, and be retried by the SDK, or wait out the attempt timeout if nothing ever answers. So after
 * a restore this client closes the pool it had and builds a new one with the same builder and settings: the first
 * call opens a connection of its own, as it would in a new JVM.
 */
public final class ReconnectAfterRestore implements SdkHttpClient, Resource {

    private final SdkHttpClient.Builder<?> builder;
    private final AttributeMap serviceDefaults;
    private volatile SdkHttpClient current;
    private volatile boolean closed;

    ReconnectAfterRestore(SdkHttpClient.Builder<?> builder, AttributeMap serviceDefaults) {
        this.builder = builder;
        this.serviceDefaults = serviceDefaults;
        this.current = builder.buildWithDefaults(serviceDefaults);
        Core.getGlobalContext().register(this);
    }

    /** The builder the SDK builds (and later closes) the client with: {@code builder}'s, decorated. */
    public static SdkHttpClient.Builder<?> around(SdkHttpClient.Builder<?> builder) {
        return new Builder(builder);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return current.prepareRequest(request);
    }

    @Override
    public String clientName() {
        return current.clientName();
    }

    @Override
    public void close() {
        closed = true;
        current.close();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing: priming may still be using the connections (the order of the hooks is not ours to rely on).
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        if (closed) {
            return;
        }
        SdkHttpClient restored = current;
        current = builder.buildWithDefaults(serviceDefaults);
        restored.close();
    }

    private static final class Builder implements SdkHttpClient.Builder<Builder> {
        private final SdkHttpClient.Builder<?> delegate;

        Builder(SdkHttpClient.Builder<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new ReconnectAfterRestore(delegate, serviceDefaults);
        }
    }
}
