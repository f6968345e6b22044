package com.vbssharing.local;

import com.vbssharing.backup.worker.BackupWorker;
import com.vbssharing.storage.local.LocalTableStream;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the backup worker locally, the way the stream-triggered Lambda does in AWS: every change on the table's
 * stream goes to {@link BackupWorker}. On only for the local run and tests
 * ({@code vbs.worker.local-stream-poller.enabled}).
 */
@Singleton
@Requires(property = "vbs.worker.local-stream-poller.enabled", value = "true")
public class LocalStreamPoller implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStreamPoller.class);
    private static final long POLL_MILLIS = 200;
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 1000;

    private final LocalTableStream stream;
    private final BackupWorker worker;
    private volatile boolean running;
    private Thread thread;

    public LocalStreamPoller(LocalTableStream stream, BackupWorker worker) {
        this.stream = stream;
        this.worker = worker;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "backup-stream-poller");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
    }

    private void run() {
        while (running) {
            try {
                stream.poll(worker::onChange);
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.debug("Stream poll failed; retrying", e);
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
