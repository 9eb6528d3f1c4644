package io.jcompose.dns.view;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * One running container as the DNS sees it. It is found by its container name, its service name
 * (shared by the replicas, so the service name gives every replica), its hostname and its
 * per-network aliases; its address answers PTR queries with its container name.
 *
 * @param name        container name, {@code myproj-web-1}
 * @param service     compose service name, or null for a container outside any service
 * @param hostname    the container's hostname, or null when it has none of its own
 * @param attachments one per network it is on
 * @param upstreams   the service's {@code dns:} servers; when present they replace the networks' upstreams
 */
public record ContainerRecord(String name, String service, String hostname, List<Attachment> attachments,
                              List<InetSocketAddress> upstreams) {
    public ContainerRecord {
        Objects.requireNonNull(name, "name");
        attachments = List.copyOf(attachments);
        upstreams = List.copyOf(upstreams);
    }

    public static ContainerRecord of(String name, String service, Attachment... attachments) {
        return new ContainerRecord(name, service, null, List.of(attachments), List.of());
    }

    public ContainerRecord withHostname(String value) {
        return new ContainerRecord(name, service, value, attachments, upstreams);
    }

    public ContainerRecord withUpstreams(List<InetSocketAddress> value) {
        return new ContainerRecord(name, service, hostname, attachments, value);
    }
}
