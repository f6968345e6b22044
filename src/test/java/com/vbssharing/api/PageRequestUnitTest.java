package com.vbssharing.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static com.vbssharing.support.QueryStrings.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRequestUnitTest {

    @Test
    void defaultsToTheFullLimitFromTheStart() {
        assertEquals(new PageRequest(1000, 0, Optional.empty()), PageRequest.from(query("")));
    }

    @Test
    void readsLimitOffsetAndMarker() {
        assertEquals(new PageRequest(5, 7, Optional.of("abc")), PageRequest.from(query("limit=5&offset=7&marker=abc")));
    }

    @Test
    void emptyMarkerIsNoMarker() {
        assertEquals(Optional.empty(), PageRequest.from(query("marker=")).marker());
    }

    @ParameterizedTest(name = "limit={0} -> {1}")
    @CsvSource({"0, 0", "1, 1", "999, 999", "1000, 1000", "1001, 1000", "5000, 1000", "2147483647, 1000", "99999999999, 1000"})
    void limitAboveTheCapIsLoweredToIt(String limit, int expected) {
        assertEquals(expected, PageRequest.from(query("limit=" + limit)).limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5", "", "ten"})
    void limitThatIsNegativeOrNotAnIntegerIsRejected(String limit) {
        BadRequestException error = assertThrows(BadRequestException.class,
                () -> PageRequest.from(query("limit=" + limit)));

        assertTrue(error.getMessage().startsWith("Invalid limit '" + limit + "'"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3", "x"})
    void offsetThatIsNegativeOrNotAnIntegerIsRejected(String offset) {
        BadRequestException error = assertThrows(BadRequestException.class,
                () -> PageRequest.from(query("offset=" + offset)));

        assertTrue(error.getMessage().startsWith("Invalid offset '" + offset + "'"), error.getMessage());
    }

    @Test
    void offsetPastTheIntRangeSaturatesInsteadOfFailing() {
        assertEquals(Integer.MAX_VALUE, PageRequest.from(query("offset=99999999999")).offset());
    }

    @Test
    void negativeLimitMessageSaysItMustBeZeroOrMore() {
        BadRequestException error = assertThrows(BadRequestException.class, () -> PageRequest.from(query("limit=-1")));

        assertEquals("Invalid limit '-1': it must be 0 or more.", error.getMessage());
    }

    @Test
    void pageIsFullWhenItHoldsExactlyLimitItems() {
        PageRequest page = new PageRequest(3, 0, Optional.empty());

        assertTrue(page.isFull(3));
        assertFalse(page.isFull(2));
        assertFalse(page.isFull(0));
    }

    @Test
    void pageWithLimitZeroIsNeverFull() {
        assertFalse(new PageRequest(0, 0, Optional.empty()).isFull(0));
    }
}
