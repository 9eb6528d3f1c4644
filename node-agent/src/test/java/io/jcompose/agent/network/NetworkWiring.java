package io.jcompose.agent.network;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.NetworkAttachmentBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.api.v1.ExecResult;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.testing.TestHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Helpers of the network root-tier tests: specs on networks, exec, host-side probes. */
final class NetworkWiring {
    private NetworkWiring() {
    }

    /** {@code body} with the named fields replaced (the spec record has too many fields for a literal). */
    static ContainerSpecBody with(ContainerSpecBody body, Map<String, Object> changes) {
        try {
            RecordComponent[] components = ContainerSpecBody.class.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                values[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(body);
            }
            return ContainerSpecBody.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContainerSpecBody bridged(ContainerSpecBody body, List<NetworkAttachmentBody> networks, List<PortBody> ports) {
        return with(body, Map.of("networkMode", "bridge", "networks", networks, "ports", ports));
    }

    static NetworkAttachmentBody on(String network, String... aliases) {
        return new NetworkAttachmentBody(network, List.of(aliases), null, null, null, null, null);
    }

    static NetworkView network(AgentClient client, TestHost host, String name) {
        return client.createNetwork(new NetworkCreateRequest(host.prefix() + "_" + name, Map.of("jt", host.prefix()),
                null, null, null, null, null));
    }

    static ExecResult exec(AgentClient client, String id, String... command) {
        return client.exec(id, new ExecRequest(List.of(command), null, null, null));
    }

    /** Removes the run's networks (after its containers). */
    static void removeNetworks(AgentClient client, TestHost host) {
        for (NetworkView n : client.networks(List.of("jt=" + host.prefix()))) {
            client.removeNetwork(n.name());
        }
    }

    /** An HTTP/1.0 GET to 127.0.0.1:port, retried while the server in the container comes up. */
    static String httpGet(int port, String path) throws InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write(("GET " + path + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!answer.isEmpty()) {
                    return answer;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new UncheckedIOException("no answer on 127.0.0.1:" + port, last);
    }

    /** Interfaces on the host named with the run's prefix. */
    static List<String> links(TestHost host) {
        List<String> out = new ArrayList<>();
        for (String line : run("ip", "-o", "link", "show").split("\n")) {
            String[] f = line.split(":\\s+");
            if (f.length > 1 && f[1].startsWith(host.prefix())) {
                out.add(f[1].split("@")[0]);
            }
        }
        return out;
    }

    /** Network namespace mounts under the run's directory. */
    static List<String> namespaceMounts(TestHost host) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.contains(" nsfs ") && l.contains(host.root().toString())).toList();
    }

    static String ruleset(TestHost host) {
        return run("nft", "list", "table", "inet", host.prefix());
    }

    static String run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
