package io.jcompose.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MountOptionsTest {
    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of(null, 0L, 0L, null),
                Arguments.of("", 0L, 0L, null),
                Arguments.of("bind", MountOptions.MS_BIND, 0L, null),
                Arguments.of("rbind,ro", MountOptions.MS_BIND | MountOptions.MS_REC | MountOptions.MS_RDONLY, 0L, null),
                Arguments.of("ro,rw", 0L, 0L, null),
                Arguments.of("size=64m,uid=1000,mode=0770", 0L, 0L, "size=64m,uid=1000,mode=0770"),
                Arguments.of("nosuid, nodev ,noexec,size=1m", MountOptions.MS_NOSUID | MountOptions.MS_NODEV
                        | MountOptions.MS_NOEXEC, 0L, "size=1m"),
                Arguments.of("bind,rshared", MountOptions.MS_BIND, MountOptions.MS_SHARED | MountOptions.MS_REC, null),
                Arguments.of("defaults,noatime,addr=10.0.0.1,vers=4", MountOptions.MS_NOATIME, 0L, "addr=10.0.0.1,vers=4"),
                Arguments.of("noatime,atime,relatime", MountOptions.MS_RELATIME, 0L, null));
    }

    @ParameterizedTest
    @MethodSource("splits")
    void splitsLikeMount8(String o, long flags, long propagation, String data) {
        MountOptions parsed = MountOptions.parse(o);
        assertThat(parsed.flags()).isEqualTo(flags);
        assertThat(parsed.propagation()).isEqualTo(propagation);
        assertThat(parsed.data()).isEqualTo(data);
    }

    @ParameterizedTest
    @MethodSource("splits")
    void bindAndReadOnlyFollowTheFlags(String o, long flags, long propagation, String data) {
        MountOptions parsed = MountOptions.parse(o);
        assertThat(parsed.bind()).isEqualTo((flags & MountOptions.MS_BIND) != 0);
        assertThat(parsed.readOnly()).isEqualTo((flags & MountOptions.MS_RDONLY) != 0);
    }

    @org.junit.jupiter.api.Test
    void dataValuesAreFoundByKey() {
        MountOptions parsed = MountOptions.parse("addr=192.0.2.1,vers=4,ro");
        assertThat(parsed.dataValue("addr")).isEqualTo("192.0.2.1");
        assertThat(parsed.dataValue("vers")).isEqualTo("4");
        assertThat(parsed.dataValue("port")).isNull();
    }
}
