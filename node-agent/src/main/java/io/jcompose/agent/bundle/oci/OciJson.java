package io.jcompose.agent.bundle.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jcompose.agent.api.v1.RecordJson;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the OCI records as the runtime expects them: nulls left out, stable order. The records are
 * written by {@link RecordJson} (the same bytes; no jackson-databind loaded in the agent for them).
 */
public final class OciJson {
    private OciJson() {
    }

    /** Made on first use, for anything RecordJson does not know. */
    private static final class Mapper {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    public static byte[] write(Object value) {
        return RecordJson.writes(value) ? RecordJson.write(value, true) : Mapper.MAPPER.writeValueAsBytes(value);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        return Mapper.MAPPER.readValue(json, type);
    }
}
