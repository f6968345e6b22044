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

class QueryParametersUnitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"true, true", "True, true", "1, true", "false, false", "False, false", "0, false"})
    void boolAcceptsTheSpellingsOpenStackClientsSend(String value, boolean expected) {
        assertEquals(expected, query("share_to_me=" + value).bool("share_to_me"));
    }

    @Test
    void absentBoolIsFalse() {
        assertFalse(query("other=true").bool("share_to_me"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "TRUE", "FALSE", "2", "%20true", "on"})
    void boolRejectsAnyOtherValueNamingTheParameter(String value) {
        BadRequestException error = assertThrows(BadRequestException.class,
                () -> query("share_to_me=" + value).bool("share_to_me"));

        assertTrue(error.getMessage().contains("for share_to_me"), error.getMessage());
    }

    @Test
    void emptyBoolIsRejectedRatherThanTreatedAsAbsent() {
        BadRequestException error = assertThrows(BadRequestException.class,
                () -> query("share_to_me=").bool("share_to_me"));

        assertEquals("Invalid value '' for share_to_me: use true, false, True, False, 1 or 0.", error.getMessage());
    }

    @Test
    void textIsEmptyWhenAbsentOrBlankValue() {
        QueryParameters parameters = query("name=&status=available");

        assertEquals(Optional.empty(), parameters.text("name"));
        assertEquals(Optional.empty(), parameters.text("volume_id"));
        assertEquals(Optional.of("available"), parameters.text("status"));
    }

    @Test
    void hasIsTrueForAParameterGivenWithoutValue() {
        QueryParameters parameters = query("sort=");

        assertTrue(parameters.has("sort"));
        assertFalse(parameters.has("sort_key"));
    }

    @Test
    void nonNegativeIntTrimsSpacesAndFallsBackToTheDefault() {
        QueryParameters parameters = query("limit=%207%20");

        assertEquals(7, parameters.nonNegativeInt("limit", 1000));
        assertEquals(42, parameters.nonNegativeInt("offset", 42));
    }
}
