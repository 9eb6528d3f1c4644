package io.jcompose.agent.bundle;

import io.jcompose.agent.bundle.oci.OciCapabilities;
import io.jcompose.agent.bundle.oci.OciLinux;
import io.jcompose.agent.bundle.oci.OciNamespace;
import io.jcompose.agent.bundle.oci.OciProcess;
import io.jcompose.agent.bundle.oci.OciResources;
import io.jcompose.agent.bundle.oci.OciResources.OciCpu;
import io.jcompose.agent.bundle.oci.OciResources.OciDeviceRule;
import io.jcompose.agent.bundle.oci.OciResources.OciMemory;
import io.jcompose.agent.bundle.oci.OciResources.OciPids;
import io.jcompose.agent.bundle.oci.OciRlimit;
import io.jcompose.agent.bundle.oci.OciRoot;
import io.jcompose.agent.bundle.oci.OciSpec;
import io.jcompose.agent.bundle.oci.OciUser;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.host.HostProfile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ContainerSpec} → OCI {@code config.json}, with Docker's defaults. A pure function of its
 * inputs: the spec, the user already resolved against the image, the host's facts, where the bundle's
 * {@code /etc} files live and the cgroup path. Rules that depend on the host (rlimits above the hard
 * limit, swap accounting, CPU count) fail here, before anything is created.
 */
public final class SpecTranslator {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final long CPU_PERIOD = 100_000;
    /** Docker's default RLIMIT_NOFILE of a container, soft and hard. */
    static final long DOCKER_NOFILE = 1 << 20;

    /** Docker's masked paths: hidden behind /dev/null or an empty read-only tmpfs. */
    static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware", "/sys/devices/virtual/powercap");

    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    private SpecTranslator() {
    }

    /**
     * @param containerId 64 hex characters; its first 12 are the default host name
     * @param host        the host's facts
     * @param bundle      where the per-container /etc files are
     * @param cgroupsPath e.g. {@code /jcompose/<id>}
     */
    public record Context(String containerId, HostProfile host, BundleDir bundle, String cgroupsPath) {
    }

    public static OciSpec translate(ContainerSpec spec, ResolvedUser user, Context context) {
        Sysctls.validate(spec.sysctls(), spec.network().mode(), spec.namespaces().hostIpc());
        String hostname = hostname(spec, context);
        OciProcess process = process(spec, spec.process(), user, hostname, context.host(), List.of());
        OciLinux linux = new OciLinux(spec.sysctls().isEmpty() ? null : spec.sysctls(),
                resources(spec, context.host()), context.cgroupsPath(), namespaces(spec),
                spec.security().privileged() ? null : MASKED_PATHS,
                spec.security().privileged() ? null : READONLY_PATHS);
        return new OciSpec(OciSpec.VERSION, process,
                new OciRoot(spec.rootfs().path().toString(), spec.rootfs().readOnly() ? Boolean.TRUE : null),
                hostname, spec.domainname().isEmpty() ? null : spec.domainname(),
                MountTranslator.mounts(spec, context.bundle()), linux);
    }

    /** The host name a container gets: its own, the host's with host networking, else its short id. */
    public static String hostname(ContainerSpec spec, Context context) {
        if (!spec.hostname().isEmpty()) {
            return spec.hostname();
        }
        if (spec.network().mode() instanceof NetworkMode.Host) {
            return context.host().hostname();
        }
        return context.containerId().substring(0, 12);
    }

    /**
     * A process of this container: its main process, or with {@code extraEnv} and another
     * {@code process}/{@code user} an exec'd one, which inherits the container's environment,
     * capabilities and limits.
     */
    public static OciProcess process(ContainerSpec spec, ProcessSpec process, ResolvedUser user, String hostname,
                                     HostProfile host, List<String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", DEFAULT_PATH);
        env.put("HOSTNAME", hostname);
        if (process.tty()) {
            env.put("TERM", "xterm");
        }
        putAll(env, spec.process().env());
        putAll(env, extraEnv);
        env.putIfAbsent("HOME", user.home());
        List<String> envList = new ArrayList<>(env.size());
        env.forEach((k, v) -> envList.add(k + "=" + v));

        List<String> caps = Capabilities.effective(spec.security(), host.capabilities());
        String cwd = process.workingDir().isEmpty() ? "/" : process.workingDir();
        return new OciProcess(process.tty() ? Boolean.TRUE : null,
                new OciUser(user.uid(), user.gid(), user.additionalGids().isEmpty() ? null : user.additionalGids()),
                process.args(), envList, cwd, new OciCapabilities(caps, caps, caps), rlimits(spec, host),
                spec.security().noNewPrivileges() ? Boolean.TRUE : null);
    }

    private static void putAll(Map<String, String> env, List<String> entries) {
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
    }

    /**
     * Docker's open-file limit (see {@link #DOCKER_NOFILE}), then every ulimit of the spec. Without
     * CAP_SYS_RESOURCE the runtime cannot raise a hard limit, so asking for more fails here with the number
     * that would work.
     */
    static List<OciRlimit> rlimits(ContainerSpec spec, HostProfile host) {
        Map<String, OciRlimit> out = new LinkedHashMap<>();
        HostProfile.Rlimit nofile = defaultNofile(host);
        if (nofile != null) {
            out.put("RLIMIT_NOFILE", rlimit("RLIMIT_NOFILE", nofile.soft(), nofile.hard()));
        }
        for (Ulimit u : spec.ulimits()) {
            HostProfile.Rlimit current = host.rlimits().get(u.rlimit());
            if (!host.canRaiseHardLimits() && current != null && Long.compareUnsigned(u.hard(), current.hard()) > 0) {
                throw AgentException.invalid("ulimit " + u.name() + " hard limit " + show(u.hard())
                                + " is above the host's hard limit " + show(current.hard())
                                + " and the agent lacks CAP_SYS_RESOURCE to raise it",
                        "set it to at most " + show(current.hard()));
            }
            out.put(u.rlimit(), rlimit(u.rlimit(), u.soft(), u.hard()));
        }
        return out.isEmpty() ? null : List.copyOf(out.values());
    }

    /**
     * The open-file limit a container gets unless its ulimits say otherwise: Docker's 1048576 for both soft
     * and hard (dockerd runs with LimitNOFILE=infinity, which the kernel caps at fs.nr_open), so servers
     * that size their tables from it (nginx's worker_connections check, redis' maxclients) behave as
     * under Docker. Without CAP_SYS_RESOURCE the agent cannot go above its own hard limit, so it passes its
     * own limits on instead.
     */
    static HostProfile.Rlimit defaultNofile(HostProfile host) {
        if (host.canRaiseHardLimits()) {
            long n = Math.min(DOCKER_NOFILE, host.nrOpen());
            return new HostProfile.Rlimit(n, n);
        }
        return host.rlimits().get("RLIMIT_NOFILE");
    }

    private static OciRlimit rlimit(String type, long soft, long hard) {
        return new OciRlimit(type, new BigInteger(Long.toUnsignedString(hard)), new BigInteger(Long.toUnsignedString(soft)));
    }

    private static String show(long value) {
        return value == -1 ? "unlimited" : Long.toString(value);
    }

    private static List<OciNamespace> namespaces(ContainerSpec spec) {
        List<OciNamespace> out = new ArrayList<>();
        if (!spec.namespaces().hostPid()) {
            out.add(new OciNamespace("pid", null));
        }
        switch (spec.network().mode()) {
            case NetworkMode.None n -> out.add(new OciNamespace("network", null));
            case NetworkMode.Joined j -> out.add(new OciNamespace("network", j.path().toString()));
            case NetworkMode.Host h -> { }
            // Start replaces both with Joined before the runtime sees the spec; until then (create
            // validates the spec) a fresh namespace stands in.
            case NetworkMode.Bridge b -> out.add(new OciNamespace("network", null));
            case NetworkMode.Container c -> out.add(new OciNamespace("network", null));
        }
        if (!spec.namespaces().hostIpc()) {
            out.add(new OciNamespace("ipc", null));
        }
        out.add(new OciNamespace("uts", null));
        out.add(new OciNamespace("mount", null));
        if (!spec.namespaces().hostCgroupns()) {
            out.add(new OciNamespace("cgroup", null));
        }
        return out;
    }

    private static OciResources resources(ContainerSpec spec, HostProfile host) {
        ResourceSpec r = spec.resources();
        OciMemory memory = null;
        if (r.memoryLimit() > 0 || r.memoryReservation() > 0) {
            Long swap = null;
            if (r.memorySwap() != 0 && !host.swapAccounting()) {
                throw AgentException.precondition("memswap_limit cannot be enforced: this host does not account swap",
                        "drop memswap_limit, or enable swap accounting in the kernel");
            }
            if (r.memorySwap() != 0) {
                swap = r.memorySwap();
            } else if (r.memoryLimit() > 0 && host.swapAccounting()) {
                swap = 2 * r.memoryLimit(); // Docker's default: as much swap as memory
            }
            memory = new OciMemory(r.memoryLimit() > 0 ? r.memoryLimit() : null,
                    r.memoryReservation() > 0 ? r.memoryReservation() : null, swap);
        }
        OciCpu cpu = null;
        if (r.cpus() > host.cpuCount()) {
            throw AgentException.invalid("cpus " + r.cpus() + " is more than the " + host.cpuCount() + " CPUs of this host",
                    "set cpus to at most " + host.cpuCount());
        }
        if (r.cpuShares() > 0 || r.cpus() > 0) {
            cpu = new OciCpu(r.cpuShares() > 0 ? r.cpuShares() : null,
                    r.cpus() > 0 ? Math.round(r.cpus() * CPU_PERIOD) : null, r.cpus() > 0 ? CPU_PERIOD : null);
        }
        OciPids pids = r.pidsLimit() != 0 ? new OciPids(r.pidsLimit()) : null;
        return new OciResources(deviceRules(spec.security().privileged()), memory, cpu, pids);
    }

    /** Docker's device cgroup: deny everything but the standard character devices, or allow all when privileged. */
    private static List<OciDeviceRule> deviceRules(boolean privileged) {
        if (privileged) {
            return List.of(new OciDeviceRule(true, null, null, null, "rwm"));
        }
        return List.of(
                new OciDeviceRule(false, null, null, null, "rwm"),
                new OciDeviceRule(true, "c", 1L, 5L, "rwm"),    // zero
                new OciDeviceRule(true, "c", 1L, 3L, "rwm"),    // null
                new OciDeviceRule(true, "c", 1L, 9L, "rwm"),    // urandom
                new OciDeviceRule(true, "c", 1L, 8L, "rwm"),    // random
                new OciDeviceRule(true, "c", 5L, 0L, "rwm"),    // tty
                new OciDeviceRule(true, "c", 5L, 1L, "rwm"),    // console
                new OciDeviceRule(false, "c", 10L, 229L, "rwm")); // fuse
    }
}
