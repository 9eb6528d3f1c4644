package io.jcompose.agent.api.v1;

import java.util.List;
import java.util.Map;

/**
 * A container as {@code inspect} and {@code list} return it.
 *
 * @param state        created, running, paused, restarting or exited
 * @param pid          host pid of its init process while running, else 0
 * @param exitCode     null until it has exited once
 * @param oomKilled    whether the last exit was the memory limit's doing
 * @param imageId      the image's id ({@code sha256:…}) when created from an image
 * @param health       null when the container has no health check
 * @param restartCount how many times the restart policy restarted it
 * @param ports        published ports as bound (ephemeral host ports resolved)
 * @param networks     the networks it is attached to while running, by network name
 */
public record ContainerView(String id, String name, Map<String, String> labels, String state, int pid,
                            Integer exitCode, boolean oomKilled, String createdAt, String startedAt,
                            String finishedAt, ContainerSpecBody spec, String imageId, HealthView health,
                            int restartCount, List<PublishedPortView> ports, Map<String, EndpointView> networks) {

    /** This view with {@code body} as its spec. */
    public ContainerView withSpec(ContainerSpecBody body) {
        return new ContainerView(id, name, labels, state, pid, exitCode, oomKilled, createdAt, startedAt, finishedAt,
                body, imageId, health, restartCount, ports, networks);
    }

    /**
     * Health state.
     *
     * @param status starting, healthy or unhealthy
     * @param log    the last probes, oldest first (Docker keeps 5)
     */
    public record HealthView(String status, int failingStreak, List<ProbeView> log) {
    }

    /** One health probe's run. */
    public record ProbeView(String start, String end, int exitCode, String output) {
    }

    /** A published port as bound on the host. */
    public record PublishedPortView(String hostIp, int hostPort, int containerPort, String protocol) {
    }

    /** The container's place on one network. */
    public record EndpointView(String network, String ipv4Address, String ipv6Address, String macAddress,
                               String gateway, List<String> aliases) {
    }
}
