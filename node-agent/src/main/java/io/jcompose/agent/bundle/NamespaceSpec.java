package io.jcompose.agent.bundle;

/**
 * The namespaces a container shares with the host instead of getting its own (besides network).
 *
 * @param hostPid       compose {@code pid: host}
 * @param hostIpc       compose {@code ipc: host}
 * @param hostCgroupns  compose {@code cgroup: host}; by default the container sees its own cgroup as the root
 */
public record NamespaceSpec(boolean hostPid, boolean hostIpc, boolean hostCgroupns) {
    public static final NamespaceSpec PRIVATE = new NamespaceSpec(false, false, false);
}
