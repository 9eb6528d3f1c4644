package io.jcompose.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UserResolverTest {
    static final String PASSWD = """
            # comment line
            root:x:0:0:root:/root:/bin/sh
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            app:x:1000:1000:App:/home/app:/bin/sh
            broken line
            nohome:x:1001:1001::
            """;
    static final String GROUP = """
            root:x:0:
            app:x:1000:
            extra:x:2000:app,daemon
            audio:x:29:
            staff:x:50:daemon
            """;

    static Stream<Arguments> resolutions() {
        return Stream.of(
                // user spec, group_add, uid, gid, additional gids, home
                Arguments.of("", List.of(), 0, 0, List.of(), "/root"),
                Arguments.of("root", List.of(), 0, 0, List.of(), "/root"),
                Arguments.of("app", List.of(), 1000, 1000, List.of(2000L), "/home/app"),
                Arguments.of("1000", List.of(), 1000, 1000, List.of(2000L), "/home/app"),
                Arguments.of("daemon", List.of(), 1, 1, List.of(2000L, 50L), "/usr/sbin"),
                Arguments.of("app:audio", List.of(), 1000, 29, List.of(), "/home/app"),
                Arguments.of("app:77", List.of(), 1000, 77, List.of(), "/home/app"),
                Arguments.of("4242", List.of(), 4242, 0, List.of(), "/"),
                Arguments.of("4242:4343", List.of(), 4242, 4343, List.of(), "/"),
                Arguments.of("app", List.of("audio", "3000", "extra"), 1000, 1000, List.of(2000L, 29L, 3000L), "/home/app"),
                Arguments.of("nohome", List.of(), 1001, 1001, List.of(), "/"));
    }

    @ParameterizedTest(name = "user \"{0}\" group_add {1}")
    @MethodSource("resolutions")
    void resolvesLikeDocker(String user, List<String> groupAdd, long uid, long gid, List<Long> additional, String home) {
        ResolvedUser resolved = UserResolver.resolve(PASSWD, GROUP, user, groupAdd);

        assertThat(resolved).isEqualTo(new ResolvedUser(uid, gid, additional, home));
    }

    @ParameterizedTest(name = "user \"{0}\" group_add \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "ghost       |       | user \"ghost\" is not defined in the image's /etc/passwd",
        "app:nogroup |       | group \"nogroup\" is not defined in the image's /etc/group",
        "app         | wheel | group_add: group \"wheel\" is not defined",
        ":1000       |       | has no user part",
    })
    void unknownNamesAreClearErrors(String user, String groupAdd, String message) {
        List<String> groups = groupAdd == null ? List.of() : List.of(groupAdd);
        assertThatThrownBy(() -> UserResolver.resolve(PASSWD, GROUP, user, groups))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void aNameInAnImageWithoutPasswdIsAnError(@TempDir Path rootfs) {
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "app", List.of()))
                .hasMessageContaining("user \"app\" is not defined");
        assertThat(UserResolver.resolve(rootfs, "", List.of())).isEqualTo(new ResolvedUser(0, 0, List.of(), "/"));
    }

    @Test
    void accountFilesAreReadInsideTheRootfsEvenThroughAbsoluteSymlinks(@TempDir Path rootfs) throws IOException {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createDirectories(rootfs.resolve("data"));
        Files.writeString(rootfs.resolve("data/passwd"), "svc:x:77:77::/srv:/bin/sh\n");
        // An absolute link must resolve inside the rootfs, never to the host's /etc/passwd.
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/data/passwd"));
        Files.createSymbolicLink(rootfs.resolve("etc/group"), Path.of("../../../../../../etc/group"));

        assertThat(UserResolver.resolve(rootfs, "svc", List.of())).isEqualTo(new ResolvedUser(77, 77, List.of(), "/srv"));
        assertThat(RootfsPath.resolve(rootfs, "/etc/group")).isEqualTo(rootfs.resolve("etc/group"));
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "root", List.of())).hasMessageContaining("not defined");
    }
}
