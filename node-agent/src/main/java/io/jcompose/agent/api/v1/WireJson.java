package io.jcompose.agent.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jcompose.agent.error.AgentException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of the v1 bodies: nulls left out, unknown fields rejected (a misspelt field must not be
 * silently ignored), one line per value so that streams are newline-delimited.
 *
 * <p>Bodies {@link RecordJson} knows (every one on the agent's up/ps/run/down paths) go through it, and
 * jackson-databind is loaded only for the others: its mapper would keep ~600 classes (~6.5 MB of metaspace) in the
 * long-lived agent. A body RecordJson cannot read is read again by the mapper, so that an error names the problem
 * exactly as before.
 */
public final class WireJson {
    private WireJson() {
    }

    /** Made on first use: a JVM that only ever writes and reads records never loads jackson-databind. */
    private static final class Mapper {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    /** The mapper itself, for the tests that hold RecordJson to it. */
    static JsonMapper mapper() {
        return Mapper.MAPPER;
    }

    public static byte[] write(Object value) {
        return RecordJson.writes(value) ? RecordJson.write(value) : Mapper.MAPPER.writeValueAsBytes(value);
    }

    public static String text(Object value) {
        return RecordJson.writes(value) ? new String(RecordJson.write(value), StandardCharsets.UTF_8)
                : Mapper.MAPPER.writeValueAsString(value);
    }

    /** Parses a body; malformed JSON or an unknown field is INVALID_ARGUMENT naming the problem. */
    public static <T> T read(byte[] json, Class<T> type) {
        if (RecordJson.handles(type)) {
            try {
                return RecordJson.read(json, type);
            } catch (AgentException e) {
                // the mapper below reports it in its own words, as the API always has
            }
        }
        try {
            return Mapper.MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw AgentException.invalid("malformed " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    "check the field names and types against docs/api/openapi.yaml");
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
