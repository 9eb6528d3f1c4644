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
        String stopSignal, Long stopGracePeriodMillis) {

    /** A compose ulimit: -1 for unlimited. */
    public record UlimitBody(String name, long soft, long hard) {
    }

    /**
     * A mount.
     *
     * @param type        {@code bind} or {@code tmpfs}
     * @param propagation bind propagation: rprivate (default), private, rshared, shared, rslave, slave
     * @param size        tmpfs size in bytes
     * @param mode        tmpfs permission bits
     * @param noExec      tmpfs mounted noexec
     */
    public record MountBody(String type, String source, String target, Boolean readOnly, String propagation,
                            Boolean createHostPath, Long size, Integer mode, Boolean noExec) {
    }
}
