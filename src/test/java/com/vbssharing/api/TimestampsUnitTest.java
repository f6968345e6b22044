package com.vbssharing.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampsUnitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2017-08-10T12:25:40.480424Z,    2017-08-10T12:25:40.480424",
            "2017-08-10T12:25:40.480424999Z, 2017-08-10T12:25:40.480424",
            "2017-08-10T12:25:40.000000999Z, 2017-08-10T12:25:40.000000",
            "2017-08-10T12:25:40Z,           2017-08-10T12:25:40.000000",
            "2017-08-10T12:25:40.5Z,         2017-08-10T12:25:40.500000",
            "2017-08-10T12:25:40.000001Z,    2017-08-10T12:25:40.000001",
            "1999-12-31T23:59:59.999999999Z, 1999-12-31T23:59:59.999999",
    })
    void formatsInUtcWithExactlySixTruncatedFractionalDigits(String instant, String expected) {
        assertEquals(expected, Timestamps.format(Instant.parse(instant)));
    }

    @Test
    void convertsAnOffsetTimeToUtcWithoutZoneSuffix() {
        Instant instant = OffsetDateTime.parse("2020-01-01T01:30:00.123456+02:00").toInstant();

        assertEquals("2019-12-31T23:30:00.123456", Timestamps.format(instant));
    }

    @Test
    void nowIgnoresTheClockZoneAndUsesUtc() {
        Clock tokyo = Clock.fixed(Instant.parse("2021-06-01T00:00:00.000007Z"), ZoneId.of("Asia/Tokyo"));

        assertEquals("2021-06-01T00:00:00.000007", Timestamps.now(tokyo));
    }

    @Test
    void formattedTimestampsSortAsStringsInTimeOrder() {
        String earlier = Timestamps.format(Instant.parse("2021-06-01T09:59:59.999999Z"));
        String later = Timestamps.format(Instant.parse("2021-06-01T10:00:00Z"));

        assertTrue(earlier.compareTo(later) < 0, earlier + " should sort before " + later);
    }
}
