package io.jcompose.agent.api.v1;

import io.jcompose.agent.error.AgentException;
import io.jcompose.json.RecordCodec;

/**
 * The wire records as {@link WireJson} reads and writes them, through {@link RecordCodec#STRICT} (jackson-core
 * alone): unknown members and an explicit null for a primitive rejected, nulls left out. A CLI command lives a few
 * hundred milliseconds and jackson-databind's first use costs it about 60 ms; the long-lived agent would keep its
 * ~600 classes. Malformed JSON is INVALID_ARGUMENT, as with WireJson. For a type {@link #handles} refuses (or a
 * value {@link #writes} refuses) the caller keeps using WireJson's mapper.
 */
public final class RecordJson {
    private RecordJson() {
    }

    /** Whether this codec reads and writes {@code type} (a record or an array of records) exactly as WireJson. */
    public static boolean handles(Class<?> type) {
        return RecordCodec.handles(type);
    }

    /** Whether {@link #write} writes {@code value} exactly as WireJson's mapper would. */
    public static boolean writes(Object value) {
        return RecordCodec.writes(value);
    }

    /** Parses a body of a type {@link #handles} accepts; malformed JSON is INVALID_ARGUMENT, as with WireJson. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return RecordCodec.STRICT.read(json, type);
        } catch (IllegalArgumentException e) {
            throw AgentException.invalid("malformed " + type.getSimpleName() + ": " + e.getMessage(),
                    "check the field names and types against docs/api/openapi.yaml");
        }
    }

    /** The JSON of a value {@link #writes} accepts. */
    public static byte[] write(Object value) {
        return RecordCodec.write(value, false);
    }

    /** As {@link #write(Object)}; {@code indent} as Jackson's {@code SerializationFeature.INDENT_OUTPUT}. */
    public static byte[] write(Object value, boolean indent) {
        return RecordCodec.write(value, indent);
    }
}
