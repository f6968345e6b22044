package com.vbssharing.versions;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.ApiException;
import io.micronaut.http.HttpStatus;

/**
 * Reads {@code OpenStack-API-Version} as Cinder does: a comma-separated list of {@code <service> <version>},
 * the first entry whose service contains {@code volume} counts (so gophercloud's {@code volumev3 3.x} works too);
 * {@code latest} is the maximum; no header (or no volume entry) means the minimum.
 */
public final class MicroversionHeader {

    public static final String NAME = "OpenStack-API-Version";
    public static final String SERVICE = "volume";

    private MicroversionHeader() {
    }

    /**
     * The negotiated version.
     *
     * @throws BadRequestException malformed (400)
     * @throws NotAcceptableException outside [min, max] (406)
     */
    public static ApiVersion negotiate(String header) {
        if (header == null || header.isBlank()) {
            return ApiVersion.DEFAULT;
        }
        for (String entry : header.split(",")) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length == 0 || !parts[0].toLowerCase(java.util.Locale.ROOT).contains(SERVICE)) {
                continue;
            }
            if (parts.length != 2) {
                throw new BadRequestException("Invalid " + NAME + " '" + abbreviated(entry.trim())
                        + "': use 'volume <major>.<minor>' or 'volume latest'.");
            }
            return new ApiVersion(resolve(parts[1]));
        }
        return ApiVersion.DEFAULT;
    }

    private static Microversion resolve(String text) {
        if (text.equals("latest")) {
            return BackupApiVersions.MAX;
        }
        Microversion version = Microversion.parseOrNull(text);
        if (version == null) {
            throw new BadRequestException("API Version String " + abbreviated(text)
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        if (version.compareTo(BackupApiVersions.MIN) < 0 || version.compareTo(BackupApiVersions.MAX) > 0) {
            throw new NotAcceptableException("Version " + version + " is not supported by the API. Minimum is "
                    + BackupApiVersions.MIN + " and maximum is " + BackupApiVersions.MAX + ".", version);
        }
        return version;
    }

    private static String abbreviated(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }

    /** 406: a well-formed version outside the supported range. */
    public static final class NotAcceptableException extends ApiException {

        private final transient Microversion requested;

        NotAcceptableException(String message, Microversion requested) {
            super(message);
            this.requested = requested;
        }

        /** Cinder echoes the requested version on its 406. */
        public Microversion requested() {
            return requested;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.NOT_ACCEPTABLE;
        }
    }
}
