package com.vbssharing.versions;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets a controller method take the negotiated {@link ApiVersion} as a parameter. */
@Singleton
public class ApiVersionBinder implements TypedRequestArgumentBinder<ApiVersion> {

    @Override
    public Argument<ApiVersion> argumentType() {
        return Argument.of(ApiVersion.class);
    }

    @Override
    public BindingResult<ApiVersion> bind(ArgumentConversionContext<ApiVersion> context, HttpRequest<?> source) {
        ApiVersion version = source.getAttribute(MicroversionFilter.ATTRIBUTE, ApiVersion.class)
                .orElse(ApiVersion.DEFAULT);
        return () -> Optional.of(version);
    }
}
