package io.jcompose.network.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {

    @Test
    void readsMountPointsAndTypesWithEscapes() {
        List<MountTable.Mount> mounts = MountTable.parse(List.of(
                "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
                "42 27 254:0 /run/jcompose/netns /run/jcompose/netns rw,relatime shared:1 - ext4 /dev/vda rw",
                "43 42 0:4 net:[4026532177] /run/jcompose/netns/web-1 rw shared:2 - nsfs nsfs rw",
                "44 27 0:4 net:[4026532178] /tmp/with\\040space rw - nsfs nsfs rw"));
        assertThat(mounts).extracting(MountTable.Mount::mountPoint).containsExactly(Path.of("/"),
                Path.of("/run/jcompose/netns"), Path.of("/run/jcompose/netns/web-1"), Path.of("/tmp/with space"));
        assertThat(mounts.get(2).type()).isEqualTo("nsfs");
    }
}
