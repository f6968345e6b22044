package com.vbssharing.api;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FaultUnitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, badRequest",
            "401, unauthorized",
            "403, forbidden",
            "404, itemNotFound",
            "405, badMethod",
            "409, conflictingRequest",
            "413, overLimit",
            "415, badMediaType",
            "501, notImplemented",
            "503, serviceUnavailable",
            "500, computeFault",
    })
    void namesTheFaultOpenStackClientsExpect(int code, String name) {
        assertEquals(name, Fault.name(HttpStatus.valueOf(code)));
    }

    @ParameterizedTest
    @ValueSource(ints = {402, 406, 410, 422, 429, 502, 504})
    void anyOtherStatusIsAComputeFault(int code) {
        assertEquals("computeFault", Fault.name(HttpStatus.valueOf(code)));
    }

    @Test
    void bodyNestsCodeAndMessageUnderTheFaultName() {
        Map<String, Object> body = Fault.body(HttpStatus.NOT_FOUND, "Backup 592a could not be found.");

        assertEquals(Map.of("itemNotFound", Map.of("code", 404, "message", "Backup 592a could not be found.")), body);
    }

    @Test
    void bodyDetailHasCodeAsAnIntegerFollowedByMessage() {
        Map<String, Object> body = Fault.body(HttpStatus.CONFLICT, "busy");

        Map<?, ?> detail = (Map<?, ?>) body.get("conflictingRequest");
        assertEquals(List.of("code", "message"), List.copyOf(detail.keySet()));
        assertEquals(Integer.valueOf(409), detail.get("code"));
    }
}
