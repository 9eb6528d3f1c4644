package io.jcompose.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LocalDriverOptionsTest {
    @TempDir
    static Path dir;

    @Test
    void noOptionsIsAPlainDirectory() {
        assertThat(LocalDriverOptions.of("v", Map.of())).isNull();
    }

    @Test
    void aBindOfAnExistingDirectory() {
        LocalDriverOptions o = LocalDriverOptions.of("v", Map.of("type", "none", "o", "bind", "device", dir.toString()));
        assertThat(o.type()).isEqualTo("none");
        assertThat(o.device()).isEqualTo(dir.toString());
        assertThat(o.options().bind()).isTrue();
    }

    @Test
    void aTmpfsKeepsItsDataOptions() {
        LocalDriverOptions o = LocalDriverOptions.of("v", Map.of("type", "tmpfs", "device", "tmpfs",
                "o", "size=64m,uid=1000,mode=0770"));
        assertThat(o.options().data()).isEqualTo("size=64m,uid=1000,mode=0770");
        assertThat(o.options().flags()).isZero();
    }

    @Test
    void aNetworkFileSystemWithAnAddressPasses() {
        LocalDriverOptions o = LocalDriverOptions.of("v", Map.of("type", "nfs", "device", ":/export",
                "o", "addr=192.0.2.10,rw"));
        assertThat(o.options().data()).isEqualTo("addr=192.0.2.10");
    }

    static Stream<Arguments> refused() {
        String missing = "/nonexistent-" + Long.toHexString(System.nanoTime());
        return Stream.of(
                Arguments.of(Map.of("type", "none", "o", "bind", "device", missing), missing + " is not an existing host directory"),
                Arguments.of(Map.of("type", "none", "o", "bind", "device", "relative/dir"), "relative/dir is not an existing host directory"),
                Arguments.of(Map.of("type", "ext4", "device", missing), missing + " does not exist"),
                Arguments.of(Map.of("type", "none", "device", "/tmp"), "type none mounts nothing without o: bind"),
                Arguments.of(Map.of("type", "tmpfs"), "lack \"device\""),
                Arguments.of(Map.of("device", "tmpfs"), "lack \"type\""),
                Arguments.of(Map.of("o", "size=1m"), "lack \"type\""),
                Arguments.of(Map.of("type", "tmpfs", "device", "tmpfs", "size", "10m"), "driver_opts.size"),
                Arguments.of(Map.of("type", "tmpfs", "device", "tmpfs", "mode", "0700"), "unknown driver option \"mode\""),
                Arguments.of(Map.of("type", "nfs", "device", ":/x", "o", "addr=nas.local"), "addr=nas.local is a name"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusedWithAClearError(Map<String, String> opts, String message) {
        assertThatThrownBy(() -> LocalDriverOptions.of("vol1", new HashMap<>(opts)))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("volume vol1").contains(message);
                });
    }

    @Test
    void aBindOfAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> LocalDriverOptions.of("v", Map.of("type", "none", "o", "bind", "device", file.toString())))
                .hasMessageContaining("is not an existing host directory");
    }
}
