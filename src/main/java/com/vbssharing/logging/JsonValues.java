package com.vbssharing.logging;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/** A field's value written with its JSON type: log lines' fields and metrics documents' values and properties. */
public final class JsonValues {

    private JsonValues() {
    }

    /** null, a boolean, an integer, a fraction, an exact number; anything else as its text. */
    public static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            out.writeNumber(value.toString());
        } else {
            out.writeString(value.toString());
        }
    }
}
