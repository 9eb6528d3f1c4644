package io.jcompose.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.api.v1.ExecStartRequest;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.PortCheckRequest;
import io.jcompose.agent.api.v1.PortCheckResult;
import io.jcompose.agent.api.v1.PruneView;
import io.jcompose.agent.api.v1.PullImageRequest;
import io.jcompose.agent.api.v1.PullProgressView;
import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.api.v1.VolumeCreateRequest;
import io.jcompose.agent.api.v1.VolumeView;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** docs/api/openapi.yaml must describe every endpoint and every field the wire records have. */
class OpenApiDocumentTest {
    static String document() throws IOException {
        return Files.readString(Path.of("../docs/api/openapi.yaml"));
    }

    @Test
    void theDocumentIsYaml() throws IOException {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(document());
        assertThat(doc).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) doc).get("paths")).isInstanceOf(Map.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/version:", "/v1/containers:", "/v1/containers/{ref}:", "/v1/containers/{ref}/start:",
        "/v1/containers/{ref}/stop:", "/v1/containers/{ref}/kill:", "/v1/containers/{ref}/pause:",
        "/v1/containers/{ref}/unpause:", "/v1/containers/{ref}/wait:", "/v1/containers/{ref}/exec:", "/v1/containers/{ref}/exec/stream:",
        "/v1/containers/{ref}/logs:", "/v1/containers/{ref}/archive:", "/v1/containers/{ref}/archive/stat:", "/v1/events:", "/v1/volumes:", "/v1/volumes/{name}:", "/v1/networks:",
        "/v1/networks/{name}:", "/v1/images:", "/v1/images/{ref}:", "/v1/images/pull:",
        "/v1/images/load:", "/v1/images/prune:", "/v1/images/save:", "/v1/ports/check:"})
    void everyEndpointIsDocumented(String path) throws IOException {
        assertThat(document()).contains("\n  " + path + "\n");
    }

    static Stream<Class<?>> records() {
        return Stream.of(ContainerSpecBody.class, ContainerView.class, VersionView.class, ExecRequest.class, ExecStartRequest.class, EventView.class,
                VolumeCreateRequest.class, VolumeView.class, NetworkCreateRequest.class, NetworkView.class,
                ImageView.class, ImageView.ImageConfigView.class, PullImageRequest.class, PullProgressView.class,
                PruneView.class, PortCheckRequest.class, PortCheckResult.class, PortCheckResult.PortConflictView.class,
                io.jcompose.agent.api.v1.PathStatView.class);
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyFieldIsDocumentedUnderItsSchema(Class<?> record) throws IOException {
        String doc = document();
        int start = doc.indexOf("\n    " + record.getSimpleName() + ":\n");
        assertThat(start).as("schema %s", record.getSimpleName()).isPositive();
        String schema = doc.substring(start, nextSchema(doc, start));
        for (String field : Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList()) {
            assertThat(schema).as("%s.%s", record.getSimpleName(), field).contains("\n        " + field + ":");
        }
    }

    private static int nextSchema(String doc, int start) {
        int i = start + 1;
        while (true) {
            int next = doc.indexOf("\n    ", i);
            if (next < 0) {
                return doc.length();
            }
            char c = doc.charAt(next + 5);
            if (c != ' ') {
                return next;
            }
            i = next + 1;
        }
    }
}
