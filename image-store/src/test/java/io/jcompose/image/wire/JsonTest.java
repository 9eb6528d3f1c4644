package io.jcompose.image.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.json.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wire documents read and written without jackson-databind exactly as its mapper does: digests are taken
 * over these bytes, so a single differing byte would change an image's identity.
 */
class JsonTest {
    private static final String CONFIG = """
            {"architecture":"amd64","os":"linux","os.version":"10.0","created":"2024-01-01T00:00:00Z",
             "config":{"User":"1000","ExposedPorts":{"80/tcp":{}},"Env":["PATH=/bin"],"Cmd":["sh"],
                       "Volumes":{"/data":{}},"Labels":{"a":"b"},"Healthcheck":{"Test":["CMD","true"],"Interval":5000000000,"Retries":3},
                       "ArgsEscaped":true,"Image":"sha256:unknown-to-us","Hostname":""},
             "rootfs":{"type":"layers","diff_ids":["sha256:aa"]},
             "history":[{"created":"2024","created_by":"/bin/sh -c #(nop) ADD","empty_layer":true,"extra":[1,{"x":2}]}],
             "container_config":{"Cmd":["ignored"]}}""";
    private static final String INDEX = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:bb","size":528,
               "platform":{"architecture":"arm","os":"linux","variant":"v7"},"annotations":{"k":"v"}}]}""";
    private static final String ARCHIVE = """
            [{"Config":"blobs/sha256/cc","RepoTags":["busybox:1"],"Layers":["blobs/sha256/dd"],"LayerSources":{}}]""";

    @Test
    void readsAndWritesTheDocumentsAsTheMapper() {
        check(CONFIG, ImageConfigJson.class);
        check(INDEX, IndexJson.class);
        check(ARCHIVE, DockerArchiveJson[].class);
        check("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no\",\"detail\":[{\"Type\":\"repository\",\"n\":1.5}]}]}",
                RegistryErrorsJson.class);
        check("{\"token\":\"t\",\"access_token\":\"a\",\"expires_in\":300,\"issued_at\":\"now\"}", TokenJson.class);
        check("{\"imageLayoutVersion\":\"1.0.0\"}", OciLayoutJson.class);
    }

    private static <T> void check(String json, Class<T> type) {
        assertThat(RecordCodec.handles(type)).as(type.getName()).isTrue();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        T mine = Json.read(bytes, type, "doc");
        T mappers = Json.mapper().readValue(bytes, type);
        if (type.isArray()) {
            assertThat(List.of((Object[]) mine)).isEqualTo(List.of((Object[]) mappers));
        } else {
            assertThat(mine).isEqualTo(mappers);
        }
        assertThat(new String(Json.write(mine), StandardCharsets.UTF_8))
                .isEqualTo(Json.mapper().writeValueAsString(mappers));
    }

    @Test
    void aDamagedDocumentIsReportedInTheMappersWords() {
        byte[] bad = "{\"config\":{\"Env\":\"not a list\"}}".getBytes(StandardCharsets.UTF_8);
        String mappers = "";
        try {
            Json.mapper().readValue(bad, ImageConfigJson.class);
        } catch (tools.jackson.core.JacksonException e) {
            mappers = e.getOriginalMessage();
        }
        assertThatThrownBy(() -> Json.read(bad, ImageConfigJson.class, "config"))
                .isInstanceOf(ImageException.class).hasMessageStartingWith("config is not valid JSON: " + mappers + " — ");
    }
}
