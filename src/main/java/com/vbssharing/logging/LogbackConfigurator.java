package com.vbssharing.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging configured in code instead of a logback.xml: parsing XML costs a cold start ~300 classes and
 * ~100 ms (docs/performance.md). Console output (Lambda sends it to CloudWatch) as JSON lines or text
 * ({@link LogFormat}), root level from {@code VBS_LOG_LEVEL} (default INFO). A logback.xml or logback-test.xml on
 * the classpath still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public class LogbackConfigurator extends ContextAwareBase implements Configurator {

    /** The line's key-value pairs (the request line's fields) follow the message as key=value. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg %kvp{NONE}%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogbackConfigurator.class.getClassLoader();
        if (loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Encoder<ILoggingEvent> encoder = LogFormat.current() == LogFormat.JSON ? jsonEncoder(context) : textEncoder(context);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();

        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
        setLevels(context, Level.toLevel(System.getenv("VBS_LOG_LEVEL"), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root at {@code rootLevel}; libraries that say too much, or too much of what they send, held back. */
    static void setLevels(LoggerContext context, Level rootLevel) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(rootLevel);
        // The embedded DynamoDB Local of the local run and the tests is chatty.
        context.getLogger("com.amazonaws.services.dynamodbv2.local").setLevel(Level.WARN);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("com.almworks.sqlite4java").setLevel(Level.ERROR);
        // Apache's HTTP client logs at DEBUG every header and byte it sends to AWS, the session token among them.
        context.getLogger("org.apache.http").setLevel(Level.INFO);
    }

    /** One JSON object per line ({@link JsonLineEncoder}). */
    public static Encoder<ILoggingEvent> jsonEncoder(Context context) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> textEncoder(Context context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
