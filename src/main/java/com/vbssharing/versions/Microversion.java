package com.vbssharing.versions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Block Storage API microversion, {@code 3.N}: ordered by major, then minor. */
public record Microversion(int major, int minor) implements Comparable<Microversion> {

    /** Cinder's syntax: no leading zeros, no sign, both numbers present. */
    private static final Pattern SYNTAX = Pattern.compile("^([1-9]\\d{0,3})\\.([1-9]\\d{0,3}|0)$");

    public static Microversion of(int major, int minor) {
        return new Microversion(major, minor);
    }

    /** The version in {@code text}, or null when it is not of the form MajorNum.MinorNum. */
    static Microversion parseOrNull(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        return matcher.matches()
                ? new Microversion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
                : null;
    }

    public boolean atLeast(Microversion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Microversion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
