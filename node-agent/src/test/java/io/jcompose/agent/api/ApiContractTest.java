package io.jcompose.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.bundle.BundleDir;
import io.jcompose.agent.bundle.Capabilities;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.container.ContainerLayout;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.event.EventBus;
import io.jcompose.agent.host.HostProfile;
import io.jcompose.agent.network.AgentNetworks;
import io.jcompose.agent.network.NetworkSettings;
import io.jcompose.agent.monitor.Conmon;
import io.jcompose.agent.runtime.OciRuntime;
import io.jcompose.agent.runtime.RuntimeBinary;
import io.jcompose.agent.state.ContainerStore;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over a real unix socket, without root: everything up to (not including) running a
 * container. The runtime is never invoked here.
 */
class ApiContractTest {
    @TempDir
    Path dir;
    ContainerStore store;
    ApiServer server;
    AgentNetworks networks;
    AgentClient client;
    Path rootfs;

    @BeforeEach
    void start() throws IOException {
        rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
        Files.writeString(rootfs.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        rootfs = rootfs.getParent();
        store = ContainerStore.open(dir.resolve("data/state.db"));
        HostProfile host = new HostProfile(Map.of(), false, true, "h", 2, Capabilities.EVERY_CAPABILITY);
        OciRuntime runtime = new OciRuntime(new RuntimeBinary("runc", Path.of("/usr/sbin/runc"), "test"), dir.resolve("run/runc"));
        ContainerService containers = new ContainerService(store, runtime, null, new EventBus(), host,
                new ContainerLayout(dir.resolve("data"), dir.resolve("run")), "/jcompose-test");
        VersionView version = new VersionView("1", "v1", 42, "runc", "test", "because", "hybrid");
        // opened on the temporary directories only: nothing here creates a network
        networks = AgentNetworks.open(NetworkSettings.DEFAULT, dir.resolve("data"), dir.resolve("run"),
                id -> new BundleDir(dir.resolve(id)));
        server = ApiServer.start(dir.resolve("run/jcompose.sock"), containers, networks, new EventBus(), () -> version);
        client = new AgentClient(server.socket());
    }

    @AfterEach
    void stop() {
        server.close();
        networks.close();
        store.close();
    }

    ContainerSpecBody spec(String... command) {
        return ContainerSpecBody.ofRootfs(rootfs.toString(), List.of(command));
    }

    @Test
    void createInspectListAndRemoveRoundTripTheSpec() {
        ContainerView created = client.create(new CreateContainerRequest("web-1", Map.of("app", "demo"), spec("sh", "-c", "x")));

        assertThat(created.state()).isEqualTo("created");
        assertThat(created.id()).hasSize(64);
        ContainerView inspected = client.inspect("web-1");
        assertThat(inspected.spec().command()).containsExactly("sh", "-c", "x");
        assertThat(inspected.spec().stopGracePeriodMillis()).isEqualTo(10_000);
        assertThat(client.inspect(created.id().substring(0, 8)).name()).isEqualTo("web-1");
        assertThat(client.list(List.of("app=demo"))).extracting(ContainerView::name).containsExactly("web-1");
        assertThat(client.list(List.of("app=other"))).isEmpty();
        assertThat(Files.exists(dir.resolve("data/containers").resolve(created.id()).resolve("hosts"))).isTrue();

        client.remove("web-1", false);
        assertThatThrownBy(() -> client.inspect("web-1"))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThat(Files.exists(dir.resolve("data/containers").resolve(created.id()))).isFalse();
    }

    @Test
    void portCheckNamesTheHolderOfATakenPortAndLeavesAFreeOneFree() throws IOException {
        String port;
        try (java.net.ServerSocket holder = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = Integer.toString(holder.getLocalPort());
            var taken = new ContainerSpecBody.PortBody(80, port, "127.0.0.1", "tcp");
            var ephemeral = new ContainerSpecBody.PortBody(53, null, null, "udp");
            assertThat(client.checkPorts(List.of(taken, ephemeral), List.of())).singleElement().satisfies(c -> {
                assertThat(c.published()).isEqualTo(port);
                assertThat(c.hostIp()).isEqualTo("127.0.0.1");
                assertThat(c.protocol()).isEqualTo("tcp");
                assertThat(c.problem()).contains("127.0.0.1:" + port + "/tcp", "(pid " + ProcessHandle.current().pid() + ")");
            });
        }
        assertThat(client.checkPorts(List.of(new ContainerSpecBody.PortBody(80, port, "127.0.0.1", null)), null))
                .as("released by its holder").isEmpty();
        assertThatThrownBy(() -> client.checkPorts(List.of(new ContainerSpecBody.PortBody(80, "http", null, null)), List.of()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    }

    @Test
    void versionAndStateErrorsComeBackWithTheirKind() {
        assertThat(client.version().runtimeReason()).isEqualTo("because");
        client.create(new CreateContainerRequest("idle", Map.of(), spec("true")));

        assertThatThrownBy(() -> client.pause("idle"))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                    assertThat(e.problem()).isEqualTo("cannot pause a container in state created");
                    assertThat(e.fix()).isEqualTo("start it first");
                });
        assertThat(client.stop("idle", null).state()).as("stopping a created container is a no-op").isEqualTo("created");
        assertThatThrownBy(() -> client.create(new CreateContainerRequest("idle", Map.of(), spec("true"))))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
        assertThatThrownBy(() -> client.kill("idle", "NOPE")).hasMessageContaining("\"NOPE\" is not a signal");
    }

    @Test
    void statusCodesAndBodiesOnTheWire() throws IOException {
        assertThat(raw("GET /v1/containers/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404").contains("\"kind\":\"NOT_FOUND\"");
        assertThat(raw("GET /v2/version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404");
        String misspelt = "{\"spec\":{\"comand\":[\"true\"],\"rootfs\":\"" + rootfs + "\"}}";
        assertThat(raw("POST /v1/containers HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + misspelt.length() + "\r\n\r\n" + misspelt))
                .startsWith("HTTP/1.1 400").contains("INVALID_ARGUMENT").contains("comand");
        String ok = "{\"name\":\"wire\",\"spec\":{\"command\":[\"true\"],\"rootfs\":\"" + rootfs + "\"}}";
        assertThat(raw("POST /v1/containers HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + ok.length() + "\r\n\r\n" + ok)).startsWith("HTTP/1.1 201");
    }

    @Test
    void badSpecsAreRejectedBeforeAnythingIsWritten() {
        ContainerSpecBody ghost = new ContainerSpecBody(List.of("id"), null, null, "ghost", null, null, null,
                rootfs.toString(), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> client.create(new CreateContainerRequest("gh", Map.of(), ghost)))
                .hasMessageContaining("user \"ghost\" is not defined");
        ContainerSpecBody noRootfs = new ContainerSpecBody(List.of("id"), null, null, null, null, null, null,
                dir.resolve("missing").toString(), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> client.create(new CreateContainerRequest("mi", Map.of(), noRootfs)))
                .hasMessageContaining("does not exist");
        assertThat(client.list(List.of())).isEmpty();
        assertThat(dir.resolve("data/containers").toFile().list()).isNullOrEmpty();
    }

    private String raw(String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(server.socket()));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
