package com.vbssharing.api;

import io.micronaut.serde.annotation.Serdeable;

/** One OpenStack link: {@code {"href": "...", "rel": "self|bookmark|next"}}. */
@Serdeable
public record Link(String href, String rel) {
}
