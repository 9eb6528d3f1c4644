package io.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.host.HostNamespace;
import io.jcompose.network.ipam.SubnetPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The product path, in the agent's own namespace (the real host), kept to what cannot disturb it:
 * forwarding sysctls are left alone ({@code manageForwarding=false}), and the only traffic is from
 * this JVM to 127.0.0.1, forwarded by DNAT into a namespace this test made. Everything it creates
 * carries a unique prefix and is removed in {@code finally}.
 */
@Tag("root")
class RootNamespaceIT {

    @Test
    void aPortPublishedOnTheRealHostAnswersOnItsLoopbackAndATakenPortNamesThisJvm() throws Exception {
        assumeTrue(Sandbox.isRoot(), "root-tier test: needs uid 0");
        String prefix = "jt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        Path dir = Path.of("/tmp", prefix);
        NetworkManagerConfig config = NetworkManagerConfig.defaults().withPrefix(prefix).withTable(prefix)
                .withStateDir(dir.resolve("state")).withNetnsDir(dir.resolve("netns"))
                .withHost(HostNamespace.current()).withManageForwarding(false)
                .withPools(List.of(SubnetPool.of("10.203.0.0/16", 24)));
        Process server = null;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             NetworkManager manager = NetworkManager.open(config)) {
            try {
                manager.create(NetworkSpec.of("real"));
                Attachment web = manager.attach(AttachRequest.of(ContainerId.of("web"), NetworkMode.bridge(EndpointSpec.of("real")))
                        .withPorts(new PortOwner("p", "web"), List.of(PortMapping.ephemeral(Protocol.TCP, 80)
                                .withHostIp(IpAddress.parse("127.0.0.1")))));
                int port = web.ports().getFirst().hostPort();
                Path www = Files.createDirectories(dir.resolve("www"));
                Files.writeString(www.resolve("index.html"), "real host");
                server = new ProcessBuilder("nsenter", "--net=" + web.netns().orElseThrow(), "busybox", "httpd", "-f", "-p", "80",
                        "-h", www.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Sandbox.awaitListening(web.netns().orElseThrow(), 80);
                assertThat(httpGet(port)).endsWith("real host");

                int holderPort = taken.getLocalPort();
                assertThatThrownBy(() -> manager.attach(AttachRequest.of(ContainerId.of("late"),
                                NetworkMode.bridge(EndpointSpec.of("real")))
                        .withPorts(new PortOwner("p", "late"), List.of(PortMapping.tcp(holderPort, 80)))))
                        .isInstanceOf(NetworkException.class)
                        .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")");
            } finally {
                if (server != null) {
                    server.destroy();
                    server.waitFor();
                }
                manager.removeAll();
            }
        } finally {
            assertThat(Sandbox.run("ip", "-o", "link", "show")).doesNotContain(prefix);
            assertThat(Sandbox.run("nft", "list", "tables")).doesNotContain(prefix);
            assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(prefix);
            Sandbox.run("rm", "-rf", dir.toString());
        }
    }

    private static String httpGet(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 3000);
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
