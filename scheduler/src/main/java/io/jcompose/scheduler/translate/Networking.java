package io.jcompose.scheduler.translate;

import io.jcompose.agent.api.v1.ContainerSpecBody.NetworkAttachmentBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.model.project.PortConfig;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.ServiceNetwork;
import io.jcompose.scheduler.naming.Names;
import java.util.ArrayList;
import java.util.List;

/** {@code network_mode}, {@code networks}, {@code mac_address} and {@code ports} → the spec's network fields. */
final class Networking {

    /** networkMode plus the attachments it implies (empty unless {@code bridge}). */
    record Mode(String networkMode, List<NetworkAttachmentBody> attachments) {
    }

    private Networking() {
    }

    static Mode mode(Project project, Service service, Findings findings) {
        String mode = service.networkMode();
        if (mode == null || mode.isEmpty()) return new Mode("bridge", attachments(project, service));
        if (mode.equals("host") || mode.equals("none")) return new Mode(mode, List.of());
        if (mode.equals("bridge") || mode.equals("default")) {
            findings.warn("network_mode", "Docker's default bridge does not exist here; the container joins "
                    + Names.network(project, "default") + " instead");
            return new Mode("bridge", List.of(attachment(project, service, "default", ServiceNetwork.DEFAULTS, true)));
        }
        if (mode.startsWith("service:")) {
            Service target = project.services().get(mode.substring("service:".length()));
            if (target == null) {
                findings.error("network_mode", mode + " names no service of the project");
                return new Mode("none", List.of());
            }
            return new Mode("container:" + Names.container(project.name(), target, 1), List.of());
        }
        if (mode.startsWith("container:")) return new Mode(mode, List.of());
        findings.error("network_mode", "\"" + mode + "\" is not a network mode jcompose knows (host, none, "
                + "service:NAME, container:NAME)");
        return new Mode("none", List.of());
    }

    private static List<NetworkAttachmentBody> attachments(Project project, Service service) {
        if (service.networks().isEmpty()) {
            // The loader adds the default network; a hand-built project may not have.
            return List.of(attachment(project, service, "default", ServiceNetwork.DEFAULTS, true));
        }
        List<NetworkAttachmentBody> out = new ArrayList<>();
        boolean first = true;
        for (String key : service.networksByPriority()) {
            ServiceNetwork sn = service.networks().get(key);
            out.add(attachment(project, service, key, sn == null ? ServiceNetwork.DEFAULTS : sn, first));
            first = false;
        }
        return out;
    }

    /** The service name is always an alias: that is how other services find it. */
    private static NetworkAttachmentBody attachment(Project project, Service service, String key, ServiceNetwork sn,
                                                    boolean first) {
        List<String> aliases = new ArrayList<>();
        aliases.add(service.name().value());
        for (String a : sn.aliases()) if (!aliases.contains(a)) aliases.add(a);
        String mac = sn.macAddress() != null ? sn.macAddress() : first ? service.macAddress() : null;
        return new NetworkAttachmentBody(Names.network(project, key), List.copyOf(aliases), sn.ipv4Address(),
                sn.ipv6Address(), mac, sn.priority(), sn.gwPriority());
    }

    static List<PortBody> ports(Service service, String networkMode, Findings findings) {
        if (service.ports().isEmpty()) return null;
        if (!networkMode.equals("bridge")) {
            findings.warn("ports", "ignored with network_mode " + service.networkMode()
                    + ": the container has no network of its own to publish from");
            return null;
        }
        List<PortBody> out = new ArrayList<>();
        for (PortConfig p : service.ports()) {
            if (p.protocol() == PortConfig.Protocol.SCTP) {
                findings.error("ports", "port " + p.target() + "/sctp: only tcp and udp can be published");
                continue;
            }
            out.add(new PortBody(p.target(), p.published(), p.hostIp() == null ? "" : p.hostIp(), p.protocol().wire()));
        }
        return out;
    }
}
