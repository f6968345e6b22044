package com.vbssharing.observability.internal;

import com.vbssharing.observability.MetricsConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsPublisherTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static MetricsConfiguration configuration(boolean enabled, String namespace) {
        MetricsConfiguration configuration = new MetricsConfiguration();
        configuration.setEnabled(enabled);
        configuration.setNamespace(namespace);
        return configuration;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad namespace!", "", "VbsSharing\n", "Vbs$Sharing"})
    void rejectsAnInvalidNamespaceWhenEnabled(String namespace) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MetricsPublisher(configuration(true, namespace), CLOCK));

        assertTrue(e.getMessage().contains("VBS_METRICS_NAMESPACE"), e.getMessage());
    }

    @Test
    void rejectsANamespaceLongerThan255CharactersWhenEnabled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MetricsPublisher(configuration(true, "a".repeat(256)), CLOCK));

        assertTrue(e.getMessage().contains("VBS_METRICS_NAMESPACE"), e.getMessage());
    }

    @Test
    void rejectsAMissingNamespaceWhenEnabled() {
        assertThrows(IllegalArgumentException.class, () -> new MetricsPublisher(configuration(true, null), CLOCK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VbsSharing/prod-1", "VbsSharing", "a.b_c#d:e/f-g"})
    void acceptsAValidNamespaceWhenEnabled(String namespace) {
        assertDoesNotThrow(() -> new MetricsPublisher(configuration(true, namespace), CLOCK));
    }

    @Test
    void acceptsA255CharacterNamespaceWhenEnabled() {
        assertDoesNotThrow(() -> new MetricsPublisher(configuration(true, "a".repeat(255)), CLOCK));
    }

    @Test
    void doesNotValidateTheNamespaceWhenDisabled() {
        assertDoesNotThrow(() -> new MetricsPublisher(configuration(false, "bad namespace!"), CLOCK));
        assertDoesNotThrow(() -> new MetricsPublisher(configuration(false, null), CLOCK));
    }
}
