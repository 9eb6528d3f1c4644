package io.jcompose.agent.api.v1;

import java.util.List;
import java.util.Map;

/**
 * A container's configuration on the wire. Field names follow compose where compose has the field.
 *
 * @param command         the full command line (entrypoint and command already joined)
 * @param env             {@code KEY=value}
 * @param rootfs          absolute host directory of the root filesystem
 * @param networkMode     {@code none} (default), {@code host}, or {@code path} with {@code netnsPath}
 * @param extraHosts      {@code name:address}
 * @param memoryLimit     bytes; memorySwap -1 for unlimited swap
 * @param stopGracePeriodMillis how long stop waits before SIGKILL
 * @param image           image name or id; when set the root filesystem is the image's snapshot (rootfs stays
 *                        empty) and the process is merged with the image config: {@code entrypoint}/{@code command}
 *                        null mean the image's (a given entrypoint drops the image's Cmd, as in compose), env is
 *                        image &lt; spec, workingDir/user/stopSignal default to the image's
 * @param entrypoint      the service's entrypoint, only with {@code image}; {@code command} is then the Cmd part
 * @param networks        user-defined networks to join (networkMode {@code bridge}), in priority order
 * @param ports           published ports (networkMode {@code bridge})
 * @param restart         no (default), always, unless-stopped, on-failure[:N]
 * @param healthcheck     null: the image's health check, if any
 * @param init            run a tiny init as PID 1 that reaps zombies and forwards signals
 * @param logging         null: the agent's log policy (files of 20 MiB, 5 of them, unless the agent was told otherwise)
 */
public record ContainerSpecBody(
        List<String> command, List<String> env, String workingDir, String user, List<String> groupAdd,
        Boolean tty, Boolean stdinOpen,
        String rootfs, Boolean readOnly,
        String hostname, String domainname,
        String networkMode, String netnsPath, List<String> extraHosts, List<String> dns, List<String> dnsSearch,
        List<String> dnsOptions,
        Boolean hostPid, Boolean hostIpc, Boolean hostCgroupns,
        Boolean privileged, List<String> capAdd, List<String> capDrop, Boolean noNewPrivileges,
        Long memoryLimit, Long memoryReservation, Long memorySwap, Long cpuShares, Double cpus, Long pidsLimit,
        List<UlimitBody> ulimits, Map<String, String> sysctls, List<MountBody> mounts, Long shmSize,
        String stopSignal, Long stopGracePeriodMillis,
        String image, List<String> entrypoint, List<NetworkAttachmentBody> networks, List<PortBody> ports,
        String restart, HealthcheckBody healthcheck, Boolean init, LoggingBody logging) {

    /** A body without log limits of its own. */
    public ContainerSpecBody(
            List<String> command, List<String> env, String workingDir, String user, List<String> groupAdd,
            Boolean tty, Boolean stdinOpen,
            String rootfs, Boolean readOnly,
            String hostname, String domainname,
            String networkMode, String netnsPath, List<String> extraHosts, List<String> dns, List<String> dnsSearch,
            List<String> dnsOptions,
            Boolean hostPid, Boolean hostIpc, Boolean hostCgroupns,
            Boolean privileged, List<String> capAdd, List<String> capDrop, Boolean noNewPrivileges,
            Long memoryLimit, Long memoryReservation, Long memorySwap, Long cpuShares, Double cpus, Long pidsLimit,
            List<UlimitBody> ulimits, Map<String, String> sysctls, List<MountBody> mounts, Long shmSize,
            String stopSignal, Long stopGracePeriodMillis,
            String image, List<String> entrypoint, List<NetworkAttachmentBody> networks, List<PortBody> ports,
            String restart, HealthcheckBody healthcheck, Boolean init) {
        this(command, env, workingDir, user, groupAdd, tty, stdinOpen, rootfs, readOnly, hostname, domainname,
                networkMode, netnsPath, extraHosts, dns, dnsSearch, dnsOptions, hostPid, hostIpc, hostCgroupns,
                privileged, capAdd, capDrop, noNewPrivileges, memoryLimit, memoryReservation, memorySwap, cpuShares,
                cpus, pidsLimit, ulimits, sysctls, mounts, shmSize, stopSignal, stopGracePeriodMillis, image, entrypoint,
                networks, ports, restart, healthcheck, init, null);
    }

    /** This body with its own log limits. */
    public ContainerSpecBody withLogging(LoggingBody l) {
        return new ContainerSpecBody(command, env, workingDir, user, groupAdd, tty, stdinOpen, rootfs, readOnly,
                hostname, domainname, networkMode, netnsPath, extraHosts, dns, dnsSearch, dnsOptions, hostPid, hostIpc,
                hostCgroupns, privileged, capAdd, capDrop, noNewPrivileges, memoryLimit, memoryReservation, memorySwap,
                cpuShares, cpus, pidsLimit, ulimits, sysctls, mounts, shmSize, stopSignal, stopGracePeriodMillis,
                image, entrypoint, networks, ports, restart, healthcheck, init, l);
    }

    /** A container from {@code rootfs} running {@code command}, every other field at its default. */
    public static ContainerSpecBody ofRootfs(String rootfs, List<String> command) {
        return new ContainerSpecBody(command, null, null, null, null, null, null, rootfs, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** A container from {@code image} with the image's own process, every other field at its default. */
    public static ContainerSpecBody ofImage(String image) {
        return new ContainerSpecBody(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null,
                image, null, null, null, null, null, null);
    }

    /** This body naming {@code ref} as its image (views show which image a container runs). */
    public ContainerSpecBody withImage(String ref) {
        return new ContainerSpecBody(command, env, workingDir, user, groupAdd, tty, stdinOpen, rootfs, readOnly,
                hostname, domainname, networkMode, netnsPath, extraHosts, dns, dnsSearch, dnsOptions, hostPid, hostIpc,
                hostCgroupns, privileged, capAdd, capDrop, noNewPrivileges, memoryLimit, memoryReservation, memorySwap,
                cpuShares, cpus, pidsLimit, ulimits, sysctls, mounts, shmSize, stopSignal, stopGracePeriodMillis,
                ref, entrypoint, networks, ports, restart, healthcheck, init, logging);
    }

    /**
     * One user-defined network a container joins.
     *
     * @param network     the network's full name (e.g. {@code myproj_default})
     * @param aliases     extra DNS names on this network (the scheduler sends the service name here)
     * @param ipv4Address static address, null for one from IPAM
     * @param gwPriority  the network with the highest value gives the default route
     */
    public record NetworkAttachmentBody(String network, List<String> aliases, String ipv4Address, String ipv6Address,
                                        String macAddress, Integer priority, Integer gwPriority) {
    }

    /**
     * A published port, compose's long form.
     *
     * @param published host port or range ({@code 8080}, {@code 8000-8010}); null or empty for an ephemeral port
     * @param hostIp    empty for every address
     * @param protocol  tcp (default) or udp
     */
    public record PortBody(int target, String published, String hostIp, String protocol) {
    }

    /**
     * A health check; durations in milliseconds, null for Docker's defaults (30 s, 30 s, 0, 5 s; 3 retries).
     *
     * @param test {@code ["CMD", ...]}, {@code ["CMD-SHELL", "..."]} or {@code ["NONE"]}; null keeps the image's test
     */
    public record HealthcheckBody(List<String> test, Long intervalMillis, Long timeoutMillis, Long startPeriodMillis,
                                  Long startIntervalMillis, Integer retries, Boolean disable) {
    }

    /**
     * How much of the container's output is kept, where it differs from the agent's policy (compose
     * {@code logging.options}: {@code max-size}, {@code max-file}).
     *
     * @param maxSize  bytes per file, null for the agent's
     * @param maxFiles files kept, the current one included; null for the agent's
     */
    public record LoggingBody(Long maxSize, Integer maxFiles) {
    }

    /** A compose ulimit: -1 for unlimited. */
    public record UlimitBody(String name, long soft, long hard) {
    }

    /**
     * A mount.
     *
     * @param type        {@code bind}, {@code volume} (source: the volume's full name; null for an anonymous
     *                    volume) or {@code tmpfs}
     * @param propagation bind propagation: rprivate (default), private, rshared, shared, rslave, slave
     * @param size        tmpfs size in bytes
     * @param mode        tmpfs permission bits
     * @param noExec      tmpfs mounted noexec
     * @param noCopy      volume: do not fill a new volume with the image's content at the target
     * @param subpath     volume: mount this sub-directory of the volume
     */
    public record MountBody(String type, String source, String target, Boolean readOnly, String propagation,
                            Boolean createHostPath, Long size, Integer mode, Boolean noExec, Boolean noCopy,
                            String subpath) {
    }
}
