package io.jcompose.image.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for wire documents: unknown fields are ignored (registries and tools add their
 * own), absent fields are not written.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Json() {
    }

    /** Parses {@code bytes} as a {@code type}; {@code what} names the document in the error. */
    public static <T> T read(byte[] bytes, Class<T> type, String what) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new ImageException(Kind.INVALID_ARGUMENT, what + " is not valid JSON: " + e.getOriginalMessage(),
                    "the registry or archive returned a damaged document; retry, or report it to its owner", e);
        }
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
