package io.jcompose.image.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.json.RecordCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for wire documents: unknown fields are ignored (registries and tools add their
 * own), absent fields are not written.
 *
 * <p>The records go through {@link RecordCodec#LENIENT} (the same bytes and values, on jackson-core alone): the
 * agent reads its catalog and image configs on every start and create, and jackson-databind's mapper would keep
 * ~600 classes (~6.5 MB of metaspace) in it. A document the codec cannot read is read again by the mapper, so that
 * an error names the problem as before.
 */
public final class Json {
    private Json() {
    }

    /** Made on first use: a JVM that only reads and writes records never loads jackson-databind. */
    private static final class Mapper {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    /** The mapper itself, for the tests that hold the codec to it. */
    static JsonMapper mapper() {
        return Mapper.MAPPER;
    }

    /** Parses {@code bytes} as a {@code type}; {@code what} names the document in the error. */
    public static <T> T read(byte[] bytes, Class<T> type, String what) {
        if (RecordCodec.handles(type)) {
            try {
                return RecordCodec.LENIENT.read(bytes, type);
            } catch (IllegalArgumentException e) {
                // the mapper below reports it in its own words
            }
        }
        try {
            return Mapper.MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new ImageException(Kind.INVALID_ARGUMENT, what + " is not valid JSON: " + e.getOriginalMessage(),
                    "the registry or archive returned a damaged document; retry, or report it to its owner", e);
        }
    }

    public static byte[] write(Object value) {
        return RecordCodec.writes(value) ? RecordCodec.write(value, false) : Mapper.MAPPER.writeValueAsBytes(value);
    }
}
