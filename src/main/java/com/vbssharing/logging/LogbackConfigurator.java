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
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * Logging configured in code instead of a logback.xml: parsing XML costs a cold start ~300 classes and
 * ~100 ms (docs/performance.md). Console output (Lambda sends it to CloudWatch) as JSON lines or text
 * ({@link LogFormat}), root level from {@code VBS_LOG_LEVEL} (default INFO). A logback.xml or logback-test.xml on
 * the classpath still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public class LogbackConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";
    /** logstash-logback-encoder's name for "leave this field out". */
    private static final String IGNORE = "[ignore]";

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

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("VBS_LOG_LEVEL"), Level.INFO));
        root.addAppender(console);
        // The embedded DynamoDB Local of the local run and the tests is chatty.
        context.getLogger("com.amazonaws.services.dynamodbv2.local").setLevel(Level.WARN);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("com.almworks.sqlite4java").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * One JSON object per line: time, level, logger, message, the line's structured fields (the request line's,
     * observability/internal/RequestLog), MDC, and a stack trace cut to a readable size, root cause first.
     */
    public static Encoder<ILoggingEvent> jsonEncoder(Context context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.getFieldNames().setVersion(IGNORE);
        encoder.getFieldNames().setLevelValue(IGNORE);
        encoder.getFieldNames().setThread(IGNORE);
        ShortenedThrowableConverter stackTraces = new ShortenedThrowableConverter();
        stackTraces.setMaxDepthPerThrowable(40);
        stackTraces.setMaxLength(16_384);
        stackTraces.setRootCauseFirst(true);
        encoder.setThrowableConverter(stackTraces);
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
