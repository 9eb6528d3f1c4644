package io.jcompose.agent.api.v1;

import java.util.List;

/** The answer of {@code POST /v1/ports/check}: one conflict per port that cannot be had, none when all are free. */
public record PortCheckResult(List<PortConflictView> conflicts) {

    public PortCheckResult {
        conflicts = List.copyOf(conflicts);
    }

    /**
     * A port that cannot be published now.
     *
     * @param published the host port or range as asked
     * @param hostIp    the host address asked for, null for all addresses
     * @param problem   what holds it and how to get past it, e.g. {@code host port 0.0.0.0:8080/tcp of mapping
     *                  8080:80/tcp is already in use by process nginx (pid 4242) — stop that process, or
     *                  publish another host port}
     */
    public record PortConflictView(String published, String hostIp, String protocol, String problem) {
    }
}
