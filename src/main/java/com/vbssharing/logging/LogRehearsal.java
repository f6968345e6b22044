package com.vbssharing.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.event.KeyValuePair;
import org.slf4j.spi.DefaultLoggingEventBuilder;

import java.util.Iterator;
import java.util.List;

/**
 * Makes a log line as the configured appenders would write it, and drops it: SnapStart's priming runs the request
 * path before the snapshot, and a request's log line is part of that path (its classes and first-call costs), but a
 * priming request must not appear in the logs as if someone had made it.
 */
public final class LogRehearsal {

    private LogRehearsal() {
    }

    public static void encode(org.slf4j.Logger logger, org.slf4j.event.Level level, String message,
                              List<KeyValuePair> pairs, Throwable cause) {
        if (!(logger instanceof Logger logback)) {
            return;
        }
        new DefaultLoggingEventBuilder(logger, level); // the builder a real line goes through (RequestLog), unused
        LoggingEvent event = new LoggingEvent(LogRehearsal.class.getName(), logback,
                Level.convertAnSLF4JLevel(level), message, cause, null);
        pairs.forEach(event::addKeyValuePair);
        Logger root = logback.getLoggerContext().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> stream && stream.getEncoder() != null) {
                stream.getEncoder().encode(event);
            }
        }
    }
}
