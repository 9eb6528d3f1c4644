package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.log.LogPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the agent needs to run one container, in the caller's terms (names, not numbers; compose
 * units, not runtime fields). Immutable; change through the {@code withX} copies. The
 * {@link SpecTranslator} turns it, with the resolved user and the host's facts, into {@code config.json}.
 *
 * @param process         what runs
 * @param rootfs          the root filesystem
 * @param hostname        empty for the first 12 characters of the container id
 * @param domainname      NIS domain name, usually empty
 * @param network         network namespace and {@code /etc} settings
 * @param namespaces      namespaces shared with the host
 * @param security        capabilities and privileges
 * @param resources       cgroup limits
 * @param ulimits         rlimits that differ from the host's
 * @param sysctls         namespaced kernel parameters
 * @param mounts          bind and tmpfs mounts
 * @param shmSizeBytes    size of {@code /dev/shm}, 0 for 64 MiB
 * @param stopSignal      signal that asks the process to stop, e.g. SIGTERM
 * @param stopGracePeriod how long {@code stop} waits before SIGKILL
 * @param restart         what the agent does when the process exits on its own
 * @param healthcheck     null for none (the image's, once images are merged)
 * @param logLimits       the size and number of its log files, where they differ from the agent's; null for none
 */
public record ContainerSpec(ProcessSpec process, RootfsSpec rootfs, String hostname, String domainname,
                            NetworkSpec network, NamespaceSpec namespaces, SecuritySpec security,
                            ResourceSpec resources, List<Ulimit> ulimits, Map<String, String> sysctls,
                            List<MountSpec> mounts, long shmSizeBytes, String stopSignal, Duration stopGracePeriod,
                            RestartPolicy restart, Healthcheck healthcheck, LogPolicy.Limits logLimits) {

    public static final long DEFAULT_SHM_SIZE = 64L * 1024 * 1024;
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    private static final java.util.regex.Pattern HOSTNAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,62}");

    public ContainerSpec {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(rootfs, "rootfs");
        hostname = Objects.requireNonNullElse(hostname, "");
        domainname = Objects.requireNonNullElse(domainname, "");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(namespaces, "namespaces");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(resources, "resources");
        ulimits = List.copyOf(ulimits);
        // Insertion order is kept so that config.json is stable.
        sysctls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sysctls));
        mounts = List.copyOf(mounts);
        stopSignal = stopSignal == null || stopSignal.isBlank() ? "SIGTERM" : stopSignal;
        stopGracePeriod = Objects.requireNonNullElse(stopGracePeriod, DEFAULT_STOP_GRACE);
        restart = Objects.requireNonNullElse(restart, RestartPolicy.NO);
        if (shmSizeBytes < 0) {
            throw AgentException.invalid("shm_size cannot be negative", null);
        }
        if (stopGracePeriod.isNegative()) {
            throw AgentException.invalid("stop_grace_period cannot be negative", null);
        }
        if (!hostname.isEmpty() && !HOSTNAME.matcher(hostname).matches()) {
            throw AgentException.invalid("hostname \"" + hostname + "\" is not a valid host name",
                    "use letters, digits, dots and dashes, at most 63 characters");
        }
        Set<String> names = new HashSet<>();
        for (Ulimit u : ulimits) {
            if (!names.add(u.name())) {
                throw AgentException.invalid("ulimit " + u.name() + " is given twice", "keep one entry");
            }
        }
        Set<String> targets = new HashSet<>();
        for (MountSpec m : mounts) {
            if (!targets.add(m.target())) {
                throw AgentException.invalid("two mounts target " + m.target(), "give each mount its own target");
            }
        }
    }

    /** A spec without log limits of its own. */
    public ContainerSpec(ProcessSpec process, RootfsSpec rootfs, String hostname, String domainname,
                         NetworkSpec network, NamespaceSpec namespaces, SecuritySpec security,
                         ResourceSpec resources, List<Ulimit> ulimits, Map<String, String> sysctls,
                         List<MountSpec> mounts, long shmSizeBytes, String stopSignal, Duration stopGracePeriod,
                         RestartPolicy restart, Healthcheck healthcheck) {
        this(process, rootfs, hostname, domainname, network, namespaces, security, resources, ulimits, sysctls, mounts,
                shmSizeBytes, stopSignal, stopGracePeriod, restart, healthcheck, null);
    }

    /** A container running {@code args} from {@code rootfs} with every other setting at Docker's default. */
    public static ContainerSpec of(Path rootfs, List<String> args) {
        return new ContainerSpec(ProcessSpec.of(args), new RootfsSpec(rootfs, false), "", "",
                NetworkSpec.of(NetworkMode.NONE), NamespaceSpec.PRIVATE, SecuritySpec.DEFAULT, ResourceSpec.NONE,
                List.of(), Map.of(), List.of(), 0, "SIGTERM", DEFAULT_STOP_GRACE, RestartPolicy.NO, null);
    }

    public ContainerSpec withProcess(ProcessSpec p) {
        return new ContainerSpec(p, rootfs, hostname, domainname, network, namespaces, security, resources, ulimits,
                sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withRootfs(RootfsSpec r) {
        return new ContainerSpec(process, r, hostname, domainname, network, namespaces, security, resources, ulimits,
                sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withHostname(String h, String d) {
        return new ContainerSpec(process, rootfs, h, d, network, namespaces, security, resources, ulimits,
                sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withNetwork(NetworkSpec n) {
        return new ContainerSpec(process, rootfs, hostname, domainname, n, namespaces, security, resources, ulimits,
                sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withNamespaces(NamespaceSpec n) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, n, security, resources, ulimits,
                sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withSecurity(SecuritySpec s) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, s, resources, ulimits,
                sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withResources(ResourceSpec r) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, security, r, ulimits,
                sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withUlimits(List<Ulimit> u) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, security, resources, u,
                sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withSysctls(Map<String, String> s) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, security, resources,
                ulimits, s, mounts, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withMounts(List<MountSpec> m) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, security, resources,
                ulimits, sysctls, m, shmSizeBytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withShmSize(long bytes) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, security, resources,
                ulimits, sysctls, mounts, bytes, stopSignal, stopGracePeriod,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withStop(String signal, Duration grace) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, security, resources,
                ulimits, sysctls, mounts, shmSizeBytes, signal, grace,
                restart, healthcheck, logLimits);
    }

    public ContainerSpec withSupervision(RestartPolicy r, Healthcheck h) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, security, resources,
                ulimits, sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod, r, h, logLimits);
    }

    public ContainerSpec withLogLimits(LogPolicy.Limits limits) {
        return new ContainerSpec(process, rootfs, hostname, domainname, network, namespaces, security, resources,
                ulimits, sysctls, mounts, shmSizeBytes, stopSignal, stopGracePeriod, restart, healthcheck, limits);
    }
}
