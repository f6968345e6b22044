package com.vbssharing.logging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A log line's {@code @timestamp}: UTC, always three digits of milliseconds ({@code 2026-12-08T01:02:03.045Z}), so
 * that lines sort and align as text. The date part is kept from the line before and only the time of day is
 * written digit by digit: {@link DateTimeFormatter} took 2.5 % of a warm request's CPU samples for this one field
 * (docs/decisions.md, "The log line's timestamp"). Years outside 0000–9999 go through the formatter.
 */
final class LineTimestamps {

    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 0000-01-01 and 9999-12-31 as days since the epoch. */
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /** The day of the last line and its text up to the {@code T}; replaced whole, so threads need no lock. */
    private record Day(long epochDay, String prefix) {
    }

    private volatile Day day = new Day(Long.MIN_VALUE, "");

    String format(long epochMillis) {
        long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            return FORMAT.format(Instant.ofEpochMilli(epochMillis));
        }
        Day current = day;
        if (current.epochDay() != epochDay) {
            current = new Day(epochDay, LocalDate.ofEpochDay(epochDay) + "T");
            day = current;
        }
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        StringBuilder text = new StringBuilder(24).append(current.prefix());
        twoDigits(text, millisOfDay / 3_600_000).append(':');
        twoDigits(text, millisOfDay / 60_000 % 60).append(':');
        twoDigits(text, millisOfDay / 1_000 % 60).append('.');
        int millis = millisOfDay % 1_000;
        return text.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append('Z').toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
