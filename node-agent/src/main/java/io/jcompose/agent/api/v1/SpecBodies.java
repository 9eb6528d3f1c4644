package io.jcompose.agent.api.v1;

import io.jcompose.agent.api.v1.ContainerSpecBody.MountBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.UlimitBody;
import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.bundle.Healthcheck;
import io.jcompose.agent.bundle.HostEntry;
import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.bundle.NamespaceSpec;
import io.jcompose.agent.bundle.NetworkMode;
import io.jcompose.agent.bundle.NetworkSpec;
import io.jcompose.agent.bundle.ProcessSpec;
import io.jcompose.agent.bundle.ResourceSpec;
import io.jcompose.agent.bundle.RestartPolicy;
import io.jcompose.agent.bundle.RootfsSpec;
import io.jcompose.agent.bundle.SecuritySpec;
import io.jcompose.agent.bundle.Ulimit;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.log.LogPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Translates {@link ContainerSpecBody} (wire) to and from {@link ContainerSpec} (domain). */
public final class SpecBodies {
    private SpecBodies() {
    }

    public static ContainerSpec toDomain(ContainerSpecBody b) {
        if (b == null) {
            throw AgentException.invalid("the request has no spec", "send {\"spec\": {\"command\": [...], \"rootfs\": \"/...\"}}");
        }
        if (b.rootfs() == null || b.rootfs().isBlank()) {
            throw AgentException.invalid("spec.rootfs is missing", "give the absolute path of the root filesystem");
        }
        List<String> args = list(b.command());
        if (flag(b.init())) {
            args = InitProcess.wrap(args);
        }
        ProcessSpec process = new ProcessSpec(args, list(b.env()), b.workingDir(), b.user(),
                list(b.groupAdd()), flag(b.tty()), flag(b.stdinOpen()));
        List<HostEntry> extraHosts = new ArrayList<>();
        for (String entry : list(b.extraHosts())) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw AgentException.invalid("extra host \"" + entry + "\" is not name:address", "write it as name:address");
            }
            extraHosts.add(new HostEntry(entry.substring(0, colon), entry.substring(colon + 1)));
        }
        NetworkSpec network = new NetworkSpec(networkMode(b), extraHosts, list(b.dns()),
                list(b.dnsSearch()), list(b.dnsOptions()));
        ResourceSpec resources = new ResourceSpec(num(b.memoryLimit()), num(b.memoryReservation()), num(b.memorySwap()),
                num(b.cpuShares()), b.cpus() == null ? 0 : b.cpus(), num(b.pidsLimit()));
        List<Ulimit> ulimits = list(b.ulimits()).stream().map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList();
        List<MountSpec> mounts = new ArrayList<>(list(b.mounts()).stream().map(SpecBodies::mount).toList());
        if (flag(b.init())) {
            mounts.add(InitProcess.mount());
        }
        return new ContainerSpec(process, new RootfsSpec(Path.of(b.rootfs()), flag(b.readOnly())), b.hostname(),
                b.domainname(), network, new NamespaceSpec(flag(b.hostPid()), flag(b.hostIpc()), flag(b.hostCgroupns())),
                new SecuritySpec(flag(b.privileged()), list(b.capAdd()), list(b.capDrop()), flag(b.noNewPrivileges())),
                resources, ulimits, b.sysctls() == null ? Map.of() : b.sysctls(), mounts, num(b.shmSize()),
                b.stopSignal(), b.stopGracePeriodMillis() == null ? null : Duration.ofMillis(b.stopGracePeriodMillis()),
                RestartPolicy.parse(b.restart()), healthcheck(b.healthcheck()), logLimits(b.logging()));
    }

    private static LogPolicy.Limits logLimits(ContainerSpecBody.LoggingBody l) {
        if (l == null || (l.maxSize() == null && l.maxFiles() == null)) {
            return null;
        }
        try {
            LogPolicy.DEFAULT.apply(new LogPolicy.Limits(l.maxSize(), l.maxFiles())); // checks the values
        } catch (IllegalArgumentException e) {
            throw AgentException.invalid("spec.logging: " + e.getMessage(), "give maxSize of at least 4096 bytes and maxFiles of at least 1");
        }
        return new LogPolicy.Limits(l.maxSize(), l.maxFiles());
    }

    public static ContainerSpecBody fromDomain(ContainerSpec s) {
        ProcessSpec p = s.process();
        NetworkSpec n = s.network();
        ResourceSpec r = s.resources();
        String mode;
        String netns = null;
        List<ContainerSpecBody.NetworkAttachmentBody> networks = null;
        List<ContainerSpecBody.PortBody> ports = null;
        switch (n.mode()) {
            case NetworkMode.Bridge bridge -> {
                mode = "bridge";
                networks = bridge.endpoints().stream().map(NetworkBodies::body).toList();
                ports = bridge.ports().stream().map(NetworkBodies::body).toList();
            }
            case NetworkMode.Container shared -> mode = "container:" + shared.ref();
            case NetworkMode.None none -> mode = "none";
            case NetworkMode.Host host -> mode = "host";
            case NetworkMode.Joined joined -> {
                mode = "path";
                netns = joined.path().toString();
            }
        }
        List<String> extraHosts = n.extraHosts().stream().map(h -> h.hostname() + ":" + h.address()).toList();
        return new ContainerSpecBody(p.args(), p.env(), p.workingDir(), p.user(), p.groupAdd(), p.tty(), p.stdinOpen(),
                s.rootfs().path().toString(), s.rootfs().readOnly(), s.hostname(), s.domainname(),
                mode, netns, extraHosts, n.dns(), n.dnsSearch(), n.dnsOptions(),
                s.namespaces().hostPid(), s.namespaces().hostIpc(), s.namespaces().hostCgroupns(),
                s.security().privileged(), s.security().capAdd(), s.security().capDrop(), s.security().noNewPrivileges(),
                r.memoryLimit(), r.memoryReservation(), r.memorySwap(), r.cpuShares(), r.cpus(), r.pidsLimit(),
                s.ulimits().stream().map(u -> new UlimitBody(u.name(), u.soft(), u.hard())).toList(),
                s.sysctls(), s.mounts().stream().map(SpecBodies::mountBody).toList(), s.shmSizeBytes(),
                s.stopSignal(), s.stopGracePeriod().toMillis(),
                null, null, networks, ports, s.restart().wire(), healthcheckBody(s.healthcheck()), null,
                s.logLimits() == null ? null : new ContainerSpecBody.LoggingBody(s.logLimits().maxSize(), s.logLimits().maxFiles()));
    }

    private static NetworkMode networkMode(ContainerSpecBody b) {
        String mode = Objects.requireNonNullElse(b.networkMode(), "none");
        String netnsPath = b.netnsPath();
        if (!mode.equals("bridge") && b.ports() != null && !b.ports().isEmpty() && !mode.equals("host")) {
            throw AgentException.invalid("spec.ports needs networkMode bridge, not " + mode,
                    "publish the ports of the container whose network this one shares, or join a network");
        }
        if (mode.startsWith("container:")) {
            return new NetworkMode.Container(mode.substring("container:".length()));
        }
        return switch (mode) {
            case "bridge" -> {
                if (b.networks() == null || b.networks().isEmpty()) {
                    throw AgentException.invalid("networkMode bridge needs at least one entry in spec.networks",
                            "create a network (POST /v1/networks) and list it in spec.networks");
                }
                yield new NetworkMode.Bridge(b.networks().stream().map(NetworkBodies::endpoint).toList(),
                        list(b.ports()).stream().map(NetworkBodies::port).toList());
            }
            case "none" -> NetworkMode.NONE;
            case "host" -> NetworkMode.HOST;
            case "path" -> {
                if (netnsPath == null) {
                    throw AgentException.invalid("networkMode \"path\" needs netnsPath", "give the namespace's path");
                }
                yield new NetworkMode.Joined(Path.of(netnsPath));
            }
            default -> throw AgentException.invalid("unknown networkMode \"" + mode + "\"",
                    "use none, host, bridge (with spec.networks), container:<id-or-name> or path");
        };
    }

    private static MountSpec mount(MountBody m) {
        String type = Objects.requireNonNullElse(m.type(), "");
        return switch (type) {
            case "bind" -> {
                if (m.source() == null) {
                    throw AgentException.invalid("bind mount to " + m.target() + " has no source", "give source");
                }
                yield new MountSpec.Bind(Path.of(m.source()), m.target(), flag(m.readOnly()), propagation(m.propagation()),
                        flag(m.createHostPath()));
            }
            case "tmpfs" -> new MountSpec.Tmpfs(m.target(), num(m.size()), m.mode() == null ? 0 : m.mode(),
                    flag(m.readOnly()), flag(m.noExec()));
            case "volume" -> new MountSpec.Volume(m.source() == null || m.source().isEmpty() ? null : m.source(),
                    m.target(), flag(m.readOnly()), flag(m.noCopy()), m.subpath());
            default -> throw AgentException.invalid("unknown mount type \"" + type + "\" for " + m.target(),
                    "use bind, volume or tmpfs");
        };
    }

    private static MountBody mountBody(MountSpec m) {
        return switch (m) {
            case MountSpec.Bind b -> new MountBody("bind", b.source().toString(), b.target(), b.readOnly(),
                    b.propagation().option(), b.createHostPath(), null, null, null, null, null);
            case MountSpec.Tmpfs t -> new MountBody("tmpfs", null, t.target(), t.readOnly(), null, null,
                    t.sizeBytes(), t.mode(), t.noExec(), null, null);
            case MountSpec.Volume v -> new MountBody("volume", v.name(), v.target(), v.readOnly(), null, null, null,
                    null, null, v.noCopy(), v.subpath().isEmpty() ? null : v.subpath());
        };
    }

    private static Healthcheck healthcheck(ContainerSpecBody.HealthcheckBody h) {
        return h == null ? null : new Healthcheck(h.test(), millis(h.intervalMillis()), millis(h.timeoutMillis()),
                millis(h.startPeriodMillis()), millis(h.startIntervalMillis()), h.retries(), flag(h.disable()));
    }

    private static ContainerSpecBody.HealthcheckBody healthcheckBody(Healthcheck h) {
        return h == null ? null : new ContainerSpecBody.HealthcheckBody(h.test().isEmpty() ? null : h.test(),
                toMillis(h.interval()), toMillis(h.timeout()), toMillis(h.startPeriod()), toMillis(h.startInterval()),
                h.retries(), h.disable() ? Boolean.TRUE : null);
    }

    private static Duration millis(Long value) {
        return value == null ? null : Duration.ofMillis(value);
    }

    private static Long toMillis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    private static MountSpec.Propagation propagation(String text) {
        if (text == null || text.isEmpty()) {
            return MountSpec.Propagation.RPRIVATE;
        }
        try {
            return MountSpec.Propagation.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AgentException.invalid("unknown bind propagation \"" + text + "\"",
                    "use rprivate, private, rshared, shared, rslave or slave");
        }
    }

    private static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : value;
    }

    private static boolean flag(Boolean value) {
        return value != null && value;
    }

    private static long num(Long value) {
        return value == null ? 0 : value;
    }
}
