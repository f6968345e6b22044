package com.vbssharing.api;

import io.micronaut.http.HttpStatus;

/** 404 {@code itemNotFound}: the resource does not exist or is not visible to the caller. */
public final class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException backup(String backupId) {
        return new NotFoundException("Backup " + backupId + " could not be found.");
    }

    public static NotFoundException share(String shareId) {
        return new NotFoundException("Backup share " + shareId + " could not be found.");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
