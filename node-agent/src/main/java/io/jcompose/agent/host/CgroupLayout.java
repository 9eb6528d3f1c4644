package io.jcompose.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How this host mounts cgroups. It decides which runtime can work (crun 1.8 refuses a hybrid host whose
 * unified hierarchy has controllers) and where a container's cgroup lives: with the cgroupfs driver a
 * {@code cgroupsPath} of {@code /jcompose/<id>} becomes {@code <mount>/jcompose/<id>} in every v1
 * hierarchy (and in the unified one on a hybrid host).
 *
 * @param kind              unified (v2 only), hybrid (v1 controllers plus a v2 tree at {@code unified}) or legacy
 * @param mountPoints       every cgroup mount point, v1 and v2, that the agent must clean under
 * @param v1Controllers     the v1 controllers mounted (cpu, memory, pids, freezer, ...)
 * @param unifiedControllers the controllers enabled in the v2 tree, empty when there are none
 */
public record CgroupLayout(Kind kind, List<Path> mountPoints, Set<String> v1Controllers, List<String> unifiedControllers) {

    public enum Kind { UNIFIED, HYBRID, LEGACY }

    private static final Set<String> V1_CONTROLLERS = Set.of("cpu", "cpuacct", "cpuset", "memory", "devices",
            "freezer", "blkio", "pids", "net_cls", "net_prio", "perf_event", "hugetlb", "rdma", "misc");

    public CgroupLayout {
        mountPoints = List.copyOf(mountPoints);
        v1Controllers = Set.copyOf(v1Controllers);
        unifiedControllers = List.copyOf(unifiedControllers);
    }

    /** Reads {@code /proc/self/mountinfo} and the v2 controller list. */
    public static CgroupLayout detect() {
        try {
            String mountinfo = Files.readString(Path.of("/proc/self/mountinfo"));
            CgroupLayout layout = fromMountinfo(mountinfo, "");
            Path unified = layout.mountPoints.stream()
                    .filter(p -> layout.kind == Kind.UNIFIED ? p.equals(Path.of("/sys/fs/cgroup")) : p.endsWith("unified"))
                    .findFirst().orElse(null);
            if (unified == null || !Files.exists(unified.resolve("cgroup.controllers"))) {
                return layout;
            }
            return fromMountinfo(mountinfo, Files.readString(unified.resolve("cgroup.controllers")));
        } catch (IOException e) {
            return new CgroupLayout(Kind.LEGACY, List.of(), Set.of(), List.of());
        }
    }

    /** Parses mountinfo text; {@code unifiedControllersText} is the content of the v2 {@code cgroup.controllers}. */
    public static CgroupLayout fromMountinfo(String mountinfo, String unifiedControllersText) {
        List<Path> mounts = new java.util.ArrayList<>();
        Set<String> controllers = new TreeSet<>();
        boolean v2AtRoot = false;
        boolean v2Nested = false;
        for (String line : mountinfo.split("\n")) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] left = line.substring(0, dash).split(" ");
            String[] right = line.substring(dash + 3).split(" ");
            if (left.length < 5 || right.length < 3) {
                continue;
            }
            String fsType = right[0];
            Path mountPoint = Path.of(left[4]);
            if (fsType.equals("cgroup2")) {
                mounts.add(mountPoint);
                if (mountPoint.equals(Path.of("/sys/fs/cgroup"))) {
                    v2AtRoot = true;
                } else {
                    v2Nested = true;
                }
            } else if (fsType.equals("cgroup")) {
                mounts.add(mountPoint);
                for (String option : right[2].split(",")) {
                    if (V1_CONTROLLERS.contains(option)) {
                        controllers.add(option);
                    }
                }
            }
        }
        Kind kind = v2AtRoot ? Kind.UNIFIED : v2Nested ? Kind.HYBRID : Kind.LEGACY;
        List<String> unified = unifiedControllersText.isBlank()
                ? List.of() : List.of(unifiedControllersText.strip().split("\\s+"));
        return new CgroupLayout(kind, mounts, controllers, unified);
    }

    /** True when a v1 controller is mounted, so a v1 limit of that kind can be enforced. */
    public boolean hasV1(String controller) {
        return v1Controllers.contains(controller);
    }
}
