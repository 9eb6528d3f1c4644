package io.jcompose.agent.api.v1;

import io.jcompose.agent.api.v1.ContainerSpecBody.NetworkAttachmentBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.NetworkFailures;
import io.jcompose.network.EndpointSpec;
import io.jcompose.network.IpamConfig;
import io.jcompose.network.NetworkException;
import io.jcompose.network.NetworkName;
import io.jcompose.network.NetworkSpec;
import io.jcompose.network.PortMapping;
import io.jcompose.network.PortRange;
import io.jcompose.network.Protocol;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.MacAddress;
import io.jcompose.network.address.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wire ↔ network-manager translations: a container's {@code networks} and {@code ports}, and a
 * network create request. Invalid values fail as INVALID_ARGUMENT naming the field.
 */
public final class NetworkBodies {
    private NetworkBodies() {
    }

    public static EndpointSpec endpoint(NetworkAttachmentBody b) {
        if (b == null || b.network() == null || b.network().isBlank()) {
            throw AgentException.invalid("spec.networks has an entry without a network name", "give network");
        }
        return translate(() -> new EndpointSpec(NetworkName.of(b.network()),
                b.priority() == null ? 0 : b.priority(), b.gwPriority() == null ? 0 : b.gwPriority(),
                address(b.ipv4Address()), address(b.ipv6Address()),
                blank(b.macAddress()) ? Optional.empty() : Optional.of(MacAddress.parse(b.macAddress())),
                b.aliases() == null ? List.of() : b.aliases()));
    }

    public static NetworkAttachmentBody body(EndpointSpec e) {
        return new NetworkAttachmentBody(e.network().value(), e.aliases(),
                e.ipv4Address().map(IpAddress::toString).orElse(null), e.ipv6Address().map(IpAddress::toString).orElse(null),
                e.macAddress().map(MacAddress::toString).orElse(null), e.priority(), e.gwPriority());
    }

    public static PortMapping port(PortBody b) {
        return translate(() -> new PortMapping(Protocol.parse(b.protocol() == null ? "tcp" : b.protocol()),
                address(b.hostIp()), blank(b.published()) ? Optional.empty() : Optional.of(PortRange.parse(b.published())),
                PortRange.of(b.target())));
    }

    public static PortBody body(PortMapping p) {
        if (p.containerPorts().size() != 1) {
            throw AgentException.invalid("a container port range " + p.containerPorts() + " cannot be sent on the wire",
                    "publish one container port per entry");
        }
        return new PortBody(p.containerPorts().first(), p.hostPorts().map(PortRange::toString).orElse(null),
                p.hostIp().map(IpAddress::toString).orElse(null), p.protocol().lower());
    }

    /** The manager's spec for a create request; only the bridge driver exists. */
    public static NetworkSpec spec(NetworkCreateRequest r) {
        if (r == null || blank(r.name())) {
            throw AgentException.invalid("the request names no network", "send {\"name\": \"myproj_default\"}");
        }
        if (!blank(r.driver()) && !r.driver().equals("bridge")) {
            throw AgentException.invalid("network driver \"" + r.driver() + "\" is not supported", "use driver bridge");
        }
        return translate(() -> {
            List<IpamConfig> ipam = new ArrayList<>();
            for (NetworkCreateRequest.IpamBody i : r.ipam() == null ? List.<NetworkCreateRequest.IpamBody>of() : r.ipam()) {
                if (i == null || blank(i.subnet())) {
                    throw NetworkException.invalid("network " + r.name() + ": an ipam entry has no subnet", "give subnet");
                }
                Map<String, IpAddress> aux = new LinkedHashMap<>();
                (i.auxAddresses() == null ? Map.<String, String>of() : i.auxAddresses())
                        .forEach((k, v) -> aux.put(k, IpAddress.parse(v)));
                ipam.add(new IpamConfig(Subnet.parse(i.subnet()), address(i.gateway()),
                        blank(i.ipRange()) ? Optional.empty() : Optional.of(Subnet.parse(i.ipRange())), aux));
            }
            return new NetworkSpec(NetworkName.of(r.name()), r.labels() == null ? Map.of() : r.labels(),
                    Boolean.TRUE.equals(r.internal()), false, Boolean.TRUE.equals(r.enableIpv6()),
                    r.driverOpts() == null ? Map.of() : r.driverOpts(), ipam);
        });
    }

    private static Optional<IpAddress> address(String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return Optional.of(IpAddress.parse(bare));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T translate(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (NetworkException e) {
            throw NetworkFailures.toAgent(e);
        }
    }
}
