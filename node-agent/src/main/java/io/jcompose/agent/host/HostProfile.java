package io.jcompose.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts about the host that shape a container's configuration, read once at agent start. Kept apart
 * from the translator so that the translator stays a pure function and tests can pin the facts.
 *
 * @param rlimits            the agent's own resource limits by OCI name ({@code RLIMIT_NOFILE}); containers
 *                           inherit them by default
 * @param canRaiseHardLimits whether this process holds CAP_SYS_RESOURCE; without it no rlimit can go
 *                           above the current hard limit (setrlimit fails with EPERM)
 * @param swapAccounting     whether the memory controller accounts swap ({@code memory.memsw.*} on v1)
 * @param hostname           the host's name, used for containers sharing the host's network
 * @param cpuCount           CPUs available, the upper bound of {@code cpus}
 * @param capabilities       the agent's bounding capability set (bit n = capability n): a container cannot
 *                           get a capability the agent lacks, the runtime's capset would fail
 * @param nrOpen             {@code fs.nr_open}, the kernel's ceiling for any open-file limit
 */
public record HostProfile(Map<String, Rlimit> rlimits, boolean canRaiseHardLimits, boolean swapAccounting,
                          String hostname, int cpuCount, long capabilities, long nrOpen) {

    /** A soft/hard pair; {@link #UNLIMITED} stands for RLIM_INFINITY. */
    public record Rlimit(long soft, long hard) {
        public static final long UNLIMITED = -1;
    }

    private static final int CAP_SYS_RESOURCE = 24;

    /** /proc/self/limits row labels and the OCI rlimit names they stand for. */
    private static final Map<String, String> LIMIT_NAMES = Map.ofEntries(
            Map.entry("Max cpu time", "RLIMIT_CPU"), Map.entry("Max file size", "RLIMIT_FSIZE"),
            Map.entry("Max data size", "RLIMIT_DATA"), Map.entry("Max stack size", "RLIMIT_STACK"),
            Map.entry("Max core file size", "RLIMIT_CORE"), Map.entry("Max resident set", "RLIMIT_RSS"),
            Map.entry("Max processes", "RLIMIT_NPROC"), Map.entry("Max open files", "RLIMIT_NOFILE"),
            Map.entry("Max locked memory", "RLIMIT_MEMLOCK"), Map.entry("Max address space", "RLIMIT_AS"),
            Map.entry("Max file locks", "RLIMIT_LOCKS"), Map.entry("Max pending signals", "RLIMIT_SIGPENDING"),
            Map.entry("Max msgqueue size", "RLIMIT_MSGQUEUE"), Map.entry("Max nice priority", "RLIMIT_NICE"),
            Map.entry("Max realtime priority", "RLIMIT_RTPRIO"), Map.entry("Max realtime timeout", "RLIMIT_RTTIME"));

    /** The kernel's default {@code fs.nr_open}. */
    public static final long DEFAULT_NR_OPEN = 1 << 20;

    public HostProfile {
        rlimits = Map.copyOf(rlimits);
    }

    /** Facts with the kernel's default {@code fs.nr_open}. */
    public HostProfile(Map<String, Rlimit> rlimits, boolean canRaiseHardLimits, boolean swapAccounting,
                       String hostname, int cpuCount, long capabilities) {
        this(rlimits, canRaiseHardLimits, swapAccounting, hostname, cpuCount, capabilities, DEFAULT_NR_OPEN);
    }

    public static HostProfile detect(CgroupLayout cgroups) {
        Map<String, Rlimit> limits = parseLimits(read("/proc/self/limits"));
        String status = read("/proc/self/status");
        boolean capSysResource = (effectiveCapabilities(status) & (1L << CAP_SYS_RESOURCE)) != 0;
        boolean swap = cgroups.mountPoints().stream()
                .anyMatch(p -> Files.exists(p.resolve("memory.memsw.limit_in_bytes")));
        String nrOpen = read("/proc/sys/fs/nr_open").strip();
        return new HostProfile(limits, capSysResource, swap, read("/proc/sys/kernel/hostname").strip(),
                Runtime.getRuntime().availableProcessors(), capabilityMask(status, "CapBnd:"),
                nrOpen.isEmpty() ? DEFAULT_NR_OPEN : Long.parseLong(nrOpen));
    }

    /** Parses the table of {@code /proc/<pid>/limits}. */
    public static Map<String, Rlimit> parseLimits(String text) {
        Map<String, Rlimit> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            for (Map.Entry<String, String> e : LIMIT_NAMES.entrySet()) {
                if (line.startsWith(e.getKey() + " ")) {
                    String[] cols = line.substring(e.getKey().length()).strip().split("\\s+");
                    if (cols.length >= 2) {
                        out.put(e.getValue(), new Rlimit(value(cols[0]), value(cols[1])));
                    }
                }
            }
        }
        return out;
    }

    /** The CapEff bit mask of a {@code /proc/<pid>/status} text. */
    public static long effectiveCapabilities(String status) {
        return capabilityMask(status, "CapEff:");
    }

    private static long capabilityMask(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseUnsignedLong(line.substring(field.length()).strip(), 16);
            }
        }
        return 0;
    }

    private static long value(String column) {
        return column.equals("unlimited") ? Rlimit.UNLIMITED : Long.parseLong(column);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }
}
