package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.util.Map;
import java.util.Set;

/**
 * Which kernel parameters a container may set: only those scoped to a namespace it owns, as Docker
 * allows. IPC parameters need a private IPC namespace, {@code net.*} a private network namespace.
 */
public final class Sysctls {
    private static final Set<String> IPC = Set.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
            "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

    private Sysctls() {
    }

    public static void validate(Map<String, String> sysctls, NetworkMode network, boolean hostIpc) {
        for (String name : sysctls.keySet()) {
            if (IPC.contains(name) || name.startsWith("fs.mqueue.")) {
                if (hostIpc) {
                    throw AgentException.invalid("sysctl " + name + " is not allowed with ipc: host",
                            "drop the sysctl or give the container its own IPC namespace");
                }
            } else if (name.startsWith("net.")) {
                if (network instanceof NetworkMode.Host) {
                    throw AgentException.invalid("sysctl " + name + " is not allowed with network_mode: host",
                            "drop the sysctl: it would change the host");
                }
            } else {
                throw AgentException.invalid("sysctl " + name + " is not namespaced and would change the whole host",
                        "only net.*, fs.mqueue.* and the kernel IPC parameters (kernel.shmmax, kernel.sem, ...) are allowed");
            }
        }
    }
}
