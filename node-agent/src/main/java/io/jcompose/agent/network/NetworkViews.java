package io.jcompose.agent.network;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.network.Attachment;
import io.jcompose.network.Endpoint;
import io.jcompose.network.Network;
import io.jcompose.network.NetworkName;
import io.jcompose.network.PublishedPort;
import io.jcompose.network.address.IpFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Network-manager values → v1 wire records. */
final class NetworkViews {
    private NetworkViews() {
    }

    static NetworkView network(Network n, List<String> containers) {
        return new NetworkView(n.name().value(), n.id(), n.bridge(), n.labels(), n.internal(),
                n.pool(IpFamily.V6).isPresent(),
                n.subnets().stream().map(p -> new NetworkView.SubnetView(p.subnet().toString(), p.gateway().toString()))
                        .toList(), containers);
    }

    /** {@code view} with its published ports and its endpoints, in eth0, eth1, … order. */
    static ContainerView withNetworking(ContainerView view, Attachment a, Function<NetworkName, Network> networks) {
        List<ContainerView.PublishedPortView> ports = a.ports().stream().map(NetworkViews::port).toList();
        Map<String, ContainerView.EndpointView> endpoints = new LinkedHashMap<>();
        for (Endpoint e : a.endpoints()) {
            Network n = networks.apply(e.network());
            String gateway = e.gateway4().or(e::gateway6).map(Object::toString).orElseGet(() -> n == null ? null
                    : n.pool(IpFamily.V4).or(() -> n.subnets().stream().findFirst()).map(p -> p.gateway().toString())
                            .orElse(null));
            endpoints.put(e.network().value(), new ContainerView.EndpointView(e.network().value(),
                    ContainerEtc.address(e.ipv4()), ContainerEtc.address(e.ipv6()), e.mac().toString(), gateway,
                    e.aliases()));
        }
        return new ContainerView(view.id(), view.name(), view.labels(), view.state(), view.pid(), view.exitCode(),
                view.oomKilled(), view.createdAt(), view.startedAt(), view.finishedAt(), view.spec(), view.imageId(),
                view.health(), view.restartCount(), ports, endpoints);
    }

    private static ContainerView.PublishedPortView port(PublishedPort p) {
        return new ContainerView.PublishedPortView(p.hostIp().toString(), p.hostPort(), p.containerPort(),
                p.protocol().lower());
    }
}
