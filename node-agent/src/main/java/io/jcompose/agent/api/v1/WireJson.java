package io.jcompose.agent.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jcompose.agent.error.AgentException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of the v1 bodies: nulls left out, unknown fields rejected (a misspelt field must not be
 * silently ignored), one line per value so that streams are newline-delimited.
 */
public final class WireJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private WireJson() {
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String text(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Parses a body; malformed JSON or an unknown field is INVALID_ARGUMENT naming the problem. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw AgentException.invalid("malformed " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    "check the field names and types against docs/api/openapi.yaml");
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }
}
