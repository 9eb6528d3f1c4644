package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Docker's capability rules: the default set, {@code cap_add}/{@code cap_drop} with ALL, and privileged. */
public final class Capabilities {
    /** Every capability the kernel defines, in number order (CAP_CHOWN = 0 ... CAP_CHECKPOINT_RESTORE = 40). */
    public static final List<String> ALL = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
            "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
            "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
            "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE");

    /** The set Docker grants a non-privileged container. */
    public static final List<String> DOCKER_DEFAULT = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
            "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
            "CAP_AUDIT_WRITE");

    private static final String EVERY = "ALL";

    /** Every capability bit: for hosts (and tests) where the agent holds all of them. */
    public static final long EVERY_CAPABILITY = (1L << 41) - 1;

    private Capabilities() {
    }

    /**
     * The capability set of a container. ALL in {@code add} grants everything not dropped; ALL in
     * {@code drop} grants only what is added; otherwise the default set minus drops plus adds. "All"
     * (privileged, ALL) means all the agent has, as with Docker: {@code available} is its bounding set.
     * Explicitly adding one the agent lacks is an error, since the runtime could not grant it.
     */
    public static List<String> effective(SecuritySpec security, long available) {
        List<String> all = ALL.stream().filter(c -> (available & (1L << ALL.indexOf(c))) != 0).toList();
        if (security.privileged()) {
            return all;
        }
        List<String> add = normalize(security.capAdd(), "cap_add");
        List<String> drop = normalize(security.capDrop(), "cap_drop");
        Set<String> out = new LinkedHashSet<>();
        for (String c : add) {
            if (!c.equals(EVERY) && !all.contains(c)) {
                throw AgentException.precondition("cap_add: the agent itself lacks " + c + ", so no container can have it",
                        "drop it from cap_add, or run the agent with that capability");
            }
        }
        if (add.contains(EVERY)) {
            all.stream().filter(c -> !drop.contains(c)).forEach(out::add);
        } else if (drop.contains(EVERY)) {
            out.addAll(add);
        } else {
            DOCKER_DEFAULT.stream().filter(c -> !drop.contains(c) && all.contains(c)).forEach(out::add);
            out.addAll(add);
        }
        return List.copyOf(out);
    }

    /** The kernel bit mask of a set, as {@code /proc/<pid>/status} prints it. */
    public static long mask(List<String> capabilities) {
        long mask = 0;
        for (String c : capabilities) {
            mask |= 1L << ALL.indexOf(c);
        }
        return mask;
    }

    private static List<String> normalize(List<String> names, String field) {
        List<String> out = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip().toUpperCase(Locale.ROOT);
            if (name.equals(EVERY)) {
                out.add(EVERY);
                continue;
            }
            String full = name.startsWith("CAP_") ? name : "CAP_" + name;
            if (!ALL.contains(full)) {
                throw AgentException.invalid(field + ": unknown capability \"" + raw + "\"",
                        "use a name such as NET_ADMIN or SYS_PTRACE (see capabilities(7)), or ALL");
            }
            out.add(full);
        }
        return out;
    }
}
