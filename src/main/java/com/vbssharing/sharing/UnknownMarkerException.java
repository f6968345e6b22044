package com.vbssharing.sharing;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.Ids;

/** 400: a paging marker that names no share on the caller's side of the listing (any more). */
public final class UnknownMarkerException extends BadRequestException {

    public UnknownMarkerException(String markerId) {
        super("Marker " + Ids.abbreviated(markerId) + " could not be found.");
    }
}
