package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.util.Map;

/**
 * A resource limit in compose's terms ({@code ulimits: {nofile: {soft: 1024, hard: 2048}}}); -1 is unlimited.
 *
 * @param name compose name: nofile, nproc, core, memlock, ...
 */
public record Ulimit(String name, long soft, long hard) {
    /** Compose/Docker ulimit names and the rlimit each stands for. */
    static final Map<String, String> RLIMITS = Map.ofEntries(
            Map.entry("core", "RLIMIT_CORE"), Map.entry("cpu", "RLIMIT_CPU"), Map.entry("data", "RLIMIT_DATA"),
            Map.entry("fsize", "RLIMIT_FSIZE"), Map.entry("locks", "RLIMIT_LOCKS"),
            Map.entry("memlock", "RLIMIT_MEMLOCK"), Map.entry("msgqueue", "RLIMIT_MSGQUEUE"),
            Map.entry("nice", "RLIMIT_NICE"), Map.entry("nofile", "RLIMIT_NOFILE"), Map.entry("nproc", "RLIMIT_NPROC"),
            Map.entry("rss", "RLIMIT_RSS"), Map.entry("rtprio", "RLIMIT_RTPRIO"), Map.entry("rttime", "RLIMIT_RTTIME"),
            Map.entry("sigpending", "RLIMIT_SIGPENDING"), Map.entry("stack", "RLIMIT_STACK"));

    public Ulimit {
        if (!RLIMITS.containsKey(name)) {
            throw AgentException.invalid("unknown ulimit \"" + name + "\"",
                    "use one of " + new java.util.TreeSet<>(RLIMITS.keySet()));
        }
        if (soft < -1 || hard < -1) {
            throw AgentException.invalid("ulimit " + name + " has a negative value", "use -1 for unlimited");
        }
        if (Long.compareUnsigned(soft, hard) > 0) {
            throw AgentException.invalid("ulimit " + name + ": soft limit " + soft + " is above the hard limit " + hard,
                    "make soft no larger than hard");
        }
    }

    /** The OCI name of this limit, e.g. RLIMIT_NOFILE. */
    public String rlimit() {
        return RLIMITS.get(name);
    }
}
