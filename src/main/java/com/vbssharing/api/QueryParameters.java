package com.vbssharing.api;

import io.micronaut.http.HttpParameters;

import java.math.BigInteger;
import java.util.Optional;

/** Typed, validated access to query parameters; a bad value is a 400 that names the parameter. */
public final class QueryParameters {

    private final HttpParameters parameters;

    public QueryParameters(HttpParameters parameters) {
        this.parameters = parameters;
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(value -> !value.isEmpty());
    }

    public boolean has(String name) {
        return parameters.contains(name);
    }

    /** Booleans as OpenStack clients send them: true/false/True/False/1/0. Absent is false. */
    public boolean bool(String name) {
        String value = parameters.get(name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true", "True", "1" -> true;
            case "false", "False", "0" -> false;
            default -> throw new BadRequestException(
                    "Invalid value '" + value + "' for " + name + ": use true, false, True, False, 1 or 0.");
        };
    }

    /** A boolean as oslo reads one (Cinder's {@code with_count}): 1/t/true/on/y/yes or 0/f/false/off/n/no, any case. */
    public boolean strictBool(String name) {
        String value = parameters.get(name);
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "t", "true", "on", "y", "yes" -> true;
            case "0", "f", "false", "off", "n", "no" -> false;
            default -> throw new BadRequestException("Value '" + (value.length() <= 64 ? value : value.substring(0, 64)
                    + "...") + "' for '" + name + "' is not a boolean.");
        };
    }

    /** A non-negative integer, or the default when absent; values past the int range saturate. */
    public int nonNegativeInt(String name, int defaultValue) {
        String value = parameters.get(name);
        if (value == null) {
            return defaultValue;
        }
        BigInteger parsed;
        try {
            parsed = new BigInteger(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Invalid " + name + " '" + value + "': it must be an integer.");
        }
        if (parsed.signum() < 0) {
            throw new BadRequestException("Invalid " + name + " '" + value + "': it must be 0 or more.");
        }
        return parsed.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact();
    }

    public HttpParameters raw() {
        return parameters;
    }
}
