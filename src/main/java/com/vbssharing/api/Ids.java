package com.vbssharing.api;

import java.util.regex.Pattern;

/** Every id this service makes is a UUID: anything else cannot name a backup or a share. */
public final class Ids {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int MAX_ECHOED = 64;

    private Ids() {
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** An id as echoed in a message: cut short, so a huge bogus id does not make a huge answer. */
    public static String abbreviated(String id) {
        return id.length() <= MAX_ECHOED ? id : id.substring(0, MAX_ECHOED) + "...";
    }
}
