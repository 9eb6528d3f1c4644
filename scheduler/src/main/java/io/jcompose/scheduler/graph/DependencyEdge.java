package io.jcompose.scheduler.graph;

import io.jcompose.model.project.DependsOn;

/**
 * One edge of the service graph: {@code service} waits for {@code dependency}.
 *
 * @param kind      why the edge exists; an edge named in {@code depends_on} and implied by, say, {@code links}
 *                  keeps the strongest reason ({@link Kind#sharesNamespace()} first)
 * @param condition what the dependency must reach before {@code service} starts
 * @param required  false: a missing or failed dependency only warns
 * @param restart   restart {@code service} when the dependency is restarted or recreated
 */
public record DependencyEdge(String service, String dependency, Kind kind, DependsOn.Condition condition,
                             boolean required, boolean restart) {

    public enum Kind {
        DEPENDS_ON("depends_on"),
        LINK("links"),
        VOLUMES_FROM("volumes_from"),
        NETWORK_MODE("network_mode: service:"),
        IPC("ipc: service:"),
        PID("pid: service:");

        private final String source;

        Kind(String source) {
            this.source = source;
        }

        /** The compose attribute that makes this edge. */
        public String source() {
            return source;
        }

        /** The service joins one of the dependency's namespaces: recreating the dependency breaks it. */
        public boolean sharesNamespace() {
            return this == NETWORK_MODE || this == IPC || this == PID;
        }
    }
}
