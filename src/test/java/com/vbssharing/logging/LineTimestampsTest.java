package com.vbssharing.logging;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineTimestampsTest {

    private final LineTimestamps timestamps = new LineTimestamps();

    @Test
    void writesTheFixedWidthUtcLayout() {
        assertEquals("2023-11-14T22:13:20.123Z", timestamps.format(1_700_000_000_123L));
        assertEquals("1970-01-01T00:00:00.000Z", timestamps.format(0));
        assertEquals("1969-12-31T23:59:59.999Z", timestamps.format(-1));
    }

    @Test
    void agreesWithTheFormatterAcrossDays() {
        SplittableRandom random = new SplittableRandom(15);
        long from = instant(1960, 1, 1), to = instant(2200, 1, 1);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(from, to);
            assertEquals(expected(millis), timestamps.format(millis), () -> "at " + millis);
        }
    }

    @Test
    void followsTheClockOverMidnightAndBack() {
        long midnight = instant(2026, 12, 8);
        for (long millis : new long[] {midnight - 1, midnight, midnight + 1, midnight - 1, midnight + 86_400_000L}) {
            assertEquals(expected(millis), timestamps.format(millis));
        }
    }

    @Test
    void yearsOfOtherWidthsAreLeftToTheFormatter() {
        for (long millis : new long[] {instant(10_000, 1, 1), instant(-1, 12, 31), instant(9999, 12, 31) + 86_399_999L,
                instant(0, 1, 1), instant(999, 6, 1)}) {
            assertEquals(expected(millis), timestamps.format(millis));
        }
    }

    private static long instant(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static String expected(long millis) {
        return LineTimestamps.FORMAT.format(Instant.ofEpochMilli(millis));
    }
}
