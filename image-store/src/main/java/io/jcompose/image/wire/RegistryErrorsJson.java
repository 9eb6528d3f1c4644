package io.jcompose.image.wire;

import java.util.List;

/** The error body of the distribution API: {@code {"errors":[{"code":"…","message":"…"}]}}. */
public record RegistryErrorsJson(List<ErrorJson> errors) {
    public record ErrorJson(String code, String message, Object detail) {
    }
}
