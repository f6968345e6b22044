package com.vbssharing.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The levels the service's own logging configuration sets (the tests themselves log by logback-test.xml). */
class LogbackConfiguratorTest {

    @Test
    void atDebugTheServiceLogsItsOwnDetailButNotWhatTheHttpClientSendsToAws() {
        LoggerContext context = new LoggerContext();

        LogbackConfigurator.setLevels(context, Level.DEBUG);

        assertTrue(context.getLogger("com.vbssharing.sharing.ShareService").isDebugEnabled());
        assertTrue(context.getLogger("software.amazon.awssdk.request").isDebugEnabled());
        assertFalse(context.getLogger("org.apache.http.wire").isDebugEnabled(), "request and response bytes");
        assertFalse(context.getLogger("org.apache.http.headers").isDebugEnabled(), "headers: signature, session token");
        assertTrue(context.getLogger("org.apache.http.wire").isInfoEnabled());
    }

    @Test
    void theRootLevelIsTheOneGiven() {
        LoggerContext context = new LoggerContext();

        LogbackConfigurator.setLevels(context, Level.WARN);

        assertFalse(context.getLogger("com.vbssharing.sharing.ShareService").isInfoEnabled());
        assertTrue(context.getLogger("com.vbssharing.sharing.ShareService").isWarnEnabled());
    }
}
