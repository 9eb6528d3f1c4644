package io.jcompose.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The codec against the mappers it stands in for: the same bytes written, the same values read. */
class RecordCodecTest {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)).build();
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)).build();
    private static final JsonMapper INDENTING = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)).build();

    public record Config(@JsonProperty("User") String user, @JsonProperty("ExposedPorts") Map<String, Object> ports,
                         @JsonProperty("Env") List<String> env, @JsonProperty("os.version") String osVersion,
                         Long size, int count, boolean flag, BigInteger hard, Double ratio, List<Inner> inner) {
    }

    public record Inner(@JsonProperty("diff_ids") List<String> diffIds, Object any) {
    }

    public record Ignoring(@JsonIgnore String hidden, String shown) {
    }

    public record WithGetter(String a) {
        public String getB() {
            return "b";
        }
    }

    private static Config config() {
        Map<String, Object> ports = new LinkedHashMap<>();
        ports.put("80/tcp", Map.of());
        ports.put("53/udp", new LinkedHashMap<>(Map.of("k", List.of(1, 2L, "x", true))));
        return new Config("root", ports, List.of("PATH=/bin", "A=\"b\"\n"), null, 123L, 7, true,
                new BigInteger("18446744073709551615"), 0.5,
                List.of(new Inner(List.of("sha256:0"), null), new Inner(null, Map.of("n", 3000000000L))));
    }

    @Test
    void writesWhatTheMapperWrites() {
        Config c = config();
        assertThat(RecordCodec.writes(c)).isTrue();
        assertThat(new String(RecordCodec.write(c, false), StandardCharsets.UTF_8)).isEqualTo(STRICT.writeValueAsString(c));
        assertThat(new String(RecordCodec.write(c, true), StandardCharsets.UTF_8)).isEqualTo(INDENTING.writeValueAsString(c));
        assertThat(RecordCodec.write(List.of(c, c), false)).isEqualTo(STRICT.writeValueAsBytes(List.of(c, c)));
    }

    @Test
    void readsWhatTheMapperReads() {
        byte[] json = STRICT.writeValueAsBytes(config());
        assertThat(RecordCodec.STRICT.read(json, Config.class)).isEqualTo(STRICT.readValue(json, Config.class));
        assertThat(RecordCodec.LENIENT.read(json, Config.class)).isEqualTo(LENIENT.readValue(json, Config.class));
        byte[] odd = ("{\"User\":5,\"count\":null,\"flag\":null,\"extra\":{\"deep\":[1,{\"x\":null}]},\"size\":\"12\","
                + "\"inner\":[{\"any\":[1.5,12345678901234567890,{\"a\":null}]}]}").getBytes(StandardCharsets.UTF_8);
        assertThat(RecordCodec.LENIENT.read(odd, Config.class)).isEqualTo(LENIENT.readValue(odd, Config.class));
        assertThatThrownBy(() -> RecordCodec.STRICT.read(odd, Config.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordCodec.LENIENT.read("{\"count\":[]}".getBytes(StandardCharsets.UTF_8), Config.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesToTheMapperWhatItDoesNotKnow() {
        assertThat(RecordCodec.handles(Config[].class)).isTrue();
        assertThat(RecordCodec.handles(Ignoring.class)).isFalse();
        assertThat(RecordCodec.handles(WithGetter.class)).isFalse();
        assertThat(RecordCodec.handles(Map.class)).isFalse();
        assertThat(RecordCodec.writes(new Inner(null, java.time.Instant.EPOCH))).isFalse();
        assertThat(RecordCodec.writes(Map.of(1, "one"))).isFalse();
    }
}
