package com.vbssharing.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one timestamp layout of this API: UTC, microseconds, no zone suffix ({@code 2017-08-10T12:25:40.480424}).
 * Real clients parse with Go's {@code 2006-01-02T15:04:05.999999} and fail on a trailing {@code Z}.
 * The fixed width also makes stored timestamps sort correctly as strings.
 */
public final class Timestamps {

    private static final DateTimeFormatter LAYOUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    public static String format(Instant instant) {
        return LAYOUT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
