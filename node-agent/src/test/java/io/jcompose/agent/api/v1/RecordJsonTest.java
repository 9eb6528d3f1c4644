package io.jcompose.agent.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jcompose.agent.error.AgentException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RecordJson} reads and writes the wire records exactly as {@link WireJson}'s jackson-databind mapper does. */
class RecordJsonTest {

    private static ContainerSpecBody spec() {
        return new ContainerSpecBody(List.of("sh", "-c", "echo \"hi\" é"), List.of("A=1"), "/w", "1000:1000", null,
                true, false, null, null, "host", null, null, null, List.of("h:1.2.3.4"), null, null, null, null, null,
                null, false, List.of("NET_ADMIN"), null, null, 1L << 33, null, null, 512L, 1.5, null,
                List.of(new ContainerSpecBody.UlimitBody("nofile", 1024, 4096)), Map.of("net.ipv4.ip_forward", "1"),
                List.of(new ContainerSpecBody.MountBody("volume", "data", "/data", true, null, null, null, 0755, null,
                        null, null)),
                null, "SIGTERM", 10_000L, "jcompose.local/app:1", List.of(),
                List.of(new ContainerSpecBody.NetworkAttachmentBody("demo_default", List.of("app"), "10.0.0.2", null,
                        null, 3, null)),
                List.of(new ContainerSpecBody.PortBody(80, "8080", "127.0.0.1", "tcp")), "always",
                new ContainerSpecBody.HealthcheckBody(List.of("CMD", "true"), 1000L, null, null, null, 3, false), null,
                new ContainerSpecBody.LoggingBody(1024L, 2));
    }

    private static ContainerView view(String name) {
        return new ContainerView("0123456789ab", name, Map.of("com.docker.compose.project", "demo"), "running", 42,
                null, false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", null, spec(), "sha256:00",
                new ContainerView.HealthView("healthy", 0, List.of(new ContainerView.ProbeView("a", "b", 0, "ok\n"))),
                0, List.of(new ContainerView.PublishedPortView("0.0.0.0", 8080, 80, "tcp")),
                Map.of("demo_default", new ContainerView.EndpointView("demo_default", "10.0.0.2", null, null,
                        "10.0.0.1", List.of("app"))));
    }

    @Test
    void writesWhatJacksonWrites() {
        for (Object value : List.<Object>of(view("a"), spec(), new CreateContainerRequest("demo-app-1", Map.of(), spec()),
                new ErrorBody("NOT_FOUND", "no such container", null))) {
            assertThat(new String(RecordJson.write(value), StandardCharsets.UTF_8))
                    .isEqualTo(WireJson.mapper().writeValueAsString(value));
        }
    }

    @Test
    void readsWhatJacksonReads() {
        byte[] json = WireJson.mapper().writeValueAsBytes(List.of(view("a"), view("b")));
        assertThat(RecordJson.read(json, ContainerView[].class))
                .containsExactly(WireJson.mapper().readValue(json, ContainerView[].class));
        byte[] missing = "{\"id\":\"x\",\"labels\":{\"k\":null},\"exitCode\":null}".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordJson.read(missing, ContainerView.class)).isEqualTo(WireJson.mapper().readValue(missing, ContainerView.class));
        byte[] nullPrimitive = "{\"id\":\"x\",\"oomKilled\":null}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WireJson.read(nullPrimitive, ContainerView.class)).isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> RecordJson.read(nullPrimitive, ContainerView.class)).isInstanceOf(AgentException.class)
                .hasMessageContaining("malformed ContainerView");
    }

    @Test
    void rejectsUnknownMembersAndMalformedJsonAsInvalid() {
        byte[] unknown = "{\"kind\":\"X\",\"colour\":\"red\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RecordJson.read(unknown, ErrorBody.class)).isInstanceOf(AgentException.class)
                .hasMessageContaining("malformed ErrorBody").hasMessageContaining("colour");
        assertThatThrownBy(() -> RecordJson.read("{\"kind\":".getBytes(StandardCharsets.UTF_8), ErrorBody.class))
                .isInstanceOf(AgentException.class).hasMessageContaining("malformed ErrorBody");
    }

    @Test
    void leavesToJacksonWhatItDoesNotKnow() {
        assertThat(RecordJson.handles(ContainerView[].class)).isTrue();
        assertThat(RecordJson.handles(CreateContainerRequest.class)).isTrue();
        assertThat(RecordJson.handles(Map.class)).isFalse();
        // isTty() would be one more property to Jackson
        assertThat(RecordJson.handles(ExecStartRequest.class)).isFalse();
    }

    @Test
    void wireJsonKeepsTheMappersErrorMessages() {
        for (String body : List.of("{\"kind\":\"X\",\"colour\":\"red\"}", "{\"kind\":[1]}", "{\"kind\":")) {
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            String mappers = catchThrowable(() -> WireJson.mapper().readValue(json, ErrorBody.class)) instanceof
                    tools.jackson.core.JacksonException e ? e.getOriginalMessage() : "";
            assertThat(mappers).isNotEmpty();
            assertThatThrownBy(() -> WireJson.read(json, ErrorBody.class)).isInstanceOf(AgentException.class)
                    .hasMessageStartingWith("malformed ErrorBody: " + mappers + " — ");
        }
    }

    @Test
    void writesOnlyWhatItWritesExactly() {
        assertThat(RecordJson.writes(List.of(view("a")))).isTrue();
        assertThat(RecordJson.writes(Map.of("k", List.of(1, 2L, "s", true)))).isTrue();
        assertThat(RecordJson.writes(Map.of(1, "one"))).isFalse();
        assertThat(RecordJson.writes(java.time.Instant.EPOCH)).isFalse();
        assertThat(RecordJson.writes(new ExecStartRequest(List.of("sh"), null, null, null, true, null, null, null, null))).isFalse();
        Object rlimit = new io.jcompose.agent.bundle.oci.OciRlimit("RLIMIT_NOFILE",
                new java.math.BigInteger("18446744073709551615"), java.math.BigInteger.valueOf(1024));
        assertThat(RecordJson.writes(rlimit)).isTrue();
        assertThat(new String(RecordJson.write(rlimit, true), StandardCharsets.UTF_8))
                .isEqualTo(tools.jackson.databind.json.JsonMapper.builder()
                        .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(rlimit));
        assertThat(RecordJson.read(RecordJson.write(rlimit), io.jcompose.agent.bundle.oci.OciRlimit.class))
                .isEqualTo(rlimit);
    }
}
