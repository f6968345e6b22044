package com.vbssharing.lambda;

import java.nio.charset.StandardCharsets;

/** An API Gateway event path made a valid URI path: every character a path may not hold is percent-encoded. */
final class EventPaths {

    private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EventPaths() {
    }

    static String asUri(String path) {
        StringBuilder encoded = null;
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean keep = b < 0x80 && (ALLOWED.indexOf(b) >= 0 || (b == '%' && isEscape(bytes, i)));
            if (keep && encoded == null) {
                continue;
            }
            if (encoded == null) {
                encoded = new StringBuilder(new String(bytes, 0, i, StandardCharsets.UTF_8));
            }
            if (keep) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return encoded == null ? path : encoded.toString();
    }

    /** A '%' followed by two hex digits is already an escape. */
    private static boolean isEscape(byte[] bytes, int i) {
        return i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]);
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
