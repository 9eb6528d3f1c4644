package io.jcompose.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The codec against the ObjectMapper it stands in for: the same trees and the same bytes. */
class TreeJsonTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonMapper INDENTING = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> DOCUMENTS = List.of(
            "{\"nftables\":[{\"metainfo\":{\"version\":\"1.0.9\",\"json_schema_version\":1}},{\"table\":{\"family\":\"inet\",\"name\":\"t\",\"handle\":3}}]}",
            "[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\"],\"mtu\":65536,\"address\":\"00:00\",\"x\":null,\"b\":true,\"f\":false}]",
            "{\"big\":123456789012345678901234567890,\"long\":9876543210,\"neg\":-5,\"d\":1.5,\"e\":1e3,\"s\":\"\\u00e9\\n\\\"q\\\"\",\"empty\":{},\"none\":[]}",
            "{\"dup\":1,\"dup\":2}",
            "  [1, [2, [3, {\"a\": [] }]]]  ",
            "\"just a string\"",
            "42");

    @Test
    void readsTheSameTreesAsTheMapper() {
        for (String json : DOCUMENTS) {
            JsonNode mine = TreeJson.read(json);
            assertThat(mine).as(json).isEqualTo(MAPPER.readTree(json));
            assertThat(TreeJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(mine);
        }
    }

    @Test
    void writesTheSameBytesAsTheMapper() {
        for (String json : DOCUMENTS) {
            JsonNode tree = MAPPER.readTree(json);
            assertThat(TreeJson.text(tree)).as(json).isEqualTo(MAPPER.writeValueAsString(tree));
            assertThat(TreeJson.write(tree, false)).isEqualTo(MAPPER.writeValueAsBytes(tree));
            assertThat(TreeJson.write(tree, true)).as(json).isEqualTo(INDENTING.writeValueAsBytes(tree));
        }
    }

    @Test
    void noContentIsAMissingNodeAndTrailingContentAnError() {
        assertThat(TreeJson.read("  ").isMissingNode()).isTrue();
        assertThat(MAPPER.readTree("  ").isMissingNode()).isTrue();
        assertThatThrownBy(() -> TreeJson.read("{} {}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> MAPPER.readTree("{} {}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> TreeJson.read("{\"a\":")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> TreeJson.read("[1,]")).isInstanceOf(JacksonException.class);
    }
}
