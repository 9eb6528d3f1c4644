package io.jcompose.agent.image;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.HealthcheckBody;
import io.jcompose.image.config.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container's process follows from its image, by the Compose Specification's rules (which are
 * Docker's): an unset entrypoint or command is the image's, but a given entrypoint also drops the image's
 * Cmd; the environment is the image's with the service's entries replacing those of the same key; working
 * directory, user and stop signal default to the image's.
 */
public final class ImageProcess {
    private ImageProcess() {
    }

    /** The process fields the image and the service settle on. */
    public record Merged(List<String> args, List<String> env, String workingDir, String user, String stopSignal) {
        public Merged {
            args = List.copyOf(args);
            env = List.copyOf(env);
        }
    }

    /**
     * @param entrypoint the service's entrypoint, null when unset (an empty list clears the image's)
     * @param command    the service's command, null when unset
     * @param env        the service's {@code KEY=value} entries, null when none
     */
    public static Merged merge(ImageConfig image, List<String> entrypoint, List<String> command, List<String> env,
                               String workingDir, String user, String stopSignal) {
        List<String> entry = entrypoint != null ? entrypoint : image.entrypoint();
        List<String> cmd = command != null ? command : entrypoint != null ? List.of() : image.cmd();
        List<String> args = new ArrayList<>(entry);
        args.addAll(cmd);
        return new Merged(args, mergeEnv(image.env(), env == null ? List.of() : env),
                blank(workingDir) ? image.workingDir() : workingDir,
                blank(user) ? image.user() : user,
                blank(stopSignal) ? (blank(image.stopSignal()) ? null : image.stopSignal()) : stopSignal);
    }

    /** The spec body with its process settled and {@code rootfs} set to {@code rootfs}; entrypoint and image cleared. */
    public static ContainerSpecBody apply(ContainerSpecBody b, ImageConfig image, String rootfs) {
        Merged m = merge(image, b.entrypoint(), b.command(), b.env(), b.workingDir(), b.user(), b.stopSignal());
        return new ContainerSpecBody(m.args(), m.env(), m.workingDir(), m.user(), b.groupAdd(), b.tty(), b.stdinOpen(),
                rootfs, b.readOnly(), b.hostname(), b.domainname(), b.networkMode(), b.netnsPath(), b.extraHosts(),
                b.dns(), b.dnsSearch(), b.dnsOptions(), b.hostPid(), b.hostIpc(), b.hostCgroupns(), b.privileged(),
                b.capAdd(), b.capDrop(), b.noNewPrivileges(), b.memoryLimit(), b.memoryReservation(), b.memorySwap(),
                b.cpuShares(), b.cpus(), b.pidsLimit(), b.ulimits(), b.sysctls(), b.mounts(), b.shmSize(),
                m.stopSignal(), b.stopGracePeriodMillis(), null, null, b.networks(), b.ports(), b.restart(),
                healthcheck(b.healthcheck(), image.healthcheck()), b.init(), b.logging());
    }

    /**
     * The service's health check over the image's, field by field as Docker merges them: an unset test or
     * duration (null) takes the image's; a disabled check stays disabled.
     */
    static HealthcheckBody healthcheck(HealthcheckBody service, io.jcompose.image.config.Healthcheck image) {
        if (image == null || service != null && Boolean.TRUE.equals(service.disable())) {
            return service;
        }
        HealthcheckBody s = service != null ? service : new HealthcheckBody(null, null, null, null, null, null, null);
        return new HealthcheckBody(s.test() != null && !s.test().isEmpty() ? s.test() : image.test(),
                s.intervalMillis() != null ? s.intervalMillis() : millis(image.interval()),
                s.timeoutMillis() != null ? s.timeoutMillis() : millis(image.timeout()),
                s.startPeriodMillis() != null ? s.startPeriodMillis() : millis(image.startPeriod()),
                s.startIntervalMillis() != null ? s.startIntervalMillis() : millis(image.startInterval()),
                s.retries() != null ? s.retries() : image.retries() > 0 ? image.retries() : null, s.disable());
    }

    /** An image's zero duration means "the default", as a missing one does. */
    private static Long millis(java.time.Duration d) {
        return d == null || d.isZero() ? null : d.toMillis();
    }

    /** Image entries first, in their order; a service entry replaces the image's value in place or is appended. */
    static List<String> mergeEnv(List<String> image, List<String> service) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String e : image) {
            merged.put(key(e), e);
        }
        for (String e : service) {
            merged.put(key(e), e);
        }
        return List.copyOf(merged.values());
    }

    private static String key(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
