package io.jcompose.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CgroupLayoutTest {
    private static final String HYBRID = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void hybridHostKeepsV1ControllersAndTheUnifiedControllers() {
        CgroupLayout layout = CgroupLayout.fromMountinfo(HYBRID, "hugetlb\n");

        assertThat(layout.kind()).isEqualTo(CgroupLayout.Kind.HYBRID);
        assertThat(layout.v1Controllers()).containsExactlyInAnyOrder("cpu", "memory", "pids");
        assertThat(layout.unifiedControllers()).containsExactly("hugetlb");
        assertThat(layout.mountPoints()).contains(Path.of("/sys/fs/cgroup/systemd"), Path.of("/sys/fs/cgroup/unified"));
        assertThat(layout.hasV1("memory")).isTrue();
        assertThat(layout.hasV1("freezer")).isFalse();
    }

    @Test
    void unifiedHostHasNoV1Controllers() {
        CgroupLayout layout = CgroupLayout.fromMountinfo(
                "30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n", "cpu memory pids");

        assertThat(layout.kind()).isEqualTo(CgroupLayout.Kind.UNIFIED);
        assertThat(layout.v1Controllers()).isEmpty();
        assertThat(layout.unifiedControllers()).containsExactly("cpu", "memory", "pids");
    }

    @Test
    void legacyHostHasOnlyV1() {
        CgroupLayout layout = CgroupLayout.fromMountinfo(
                "35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n", "");

        assertThat(layout.kind()).isEqualTo(CgroupLayout.Kind.LEGACY);
        assertThat(layout.unifiedControllers()).isEmpty();
    }
}
