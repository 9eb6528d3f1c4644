package io.jcompose.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.bundle.oci.OciJson;
import io.jcompose.agent.host.HostProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * config.json for representative specs, compared with files under {@code src/test/resources/golden/bundle}.
 * Run with {@code -Djcompose.golden.update=true} to rewrite them after an intended change, then review the diff.
 */
class SpecTranslatorGoldenTest {
    static final String ID = "0123456789abcdef".repeat(4);
    static final Path ROOTFS = Path.of("/var/lib/jcompose/rootfs/" + ID);
    static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            app:x:1000:1000:App:/home/app:/bin/sh
            """;
    static final String GROUP = """
            root:x:0:
            app:x:1000:
            extra:x:2000:app
            audio:x:29:
            """;
    static final HostProfile HOST = new HostProfile(
            Map.of("RLIMIT_NOFILE", new HostProfile.Rlimit(20000, 20000),
                    "RLIMIT_NPROC", new HostProfile.Rlimit(96365, 96365)),
            false, true, "testhost", 4, Capabilities.EVERY_CAPABILITY & ~(1L << 24)); // no CAP_SYS_RESOURCE
    static final SpecTranslator.Context CONTEXT = new SpecTranslator.Context(ID, HOST,
            new BundleDir(Path.of("/var/lib/jcompose/containers/" + ID)), "/jcompose/" + ID);

    static Stream<Arguments> cases() {
        ContainerSpec minimal = ContainerSpec.of(ROOTFS, List.of("sh", "-c", "echo hello"));
        Map<String, String> sysctls = new LinkedHashMap<>();
        sysctls.put("net.core.somaxconn", "1024");
        sysctls.put("kernel.shmmax", "68719476736");
        ContainerSpec full = minimal
                .withProcess(new ProcessSpec(List.of("/bin/server", "--port", "80"), List.of("MODE=prod", "PATH=/app/bin:/bin"),
                        "/srv", "app", List.of("audio", "4000"), true, true))
                .withRootfs(new RootfsSpec(ROOTFS, true))
                .withHostname("web", "example.org")
                .withNetwork(new NetworkSpec(NetworkMode.NONE, List.of(new HostEntry("db.local", "10.0.0.5")),
                        List.of(), List.of(), List.of()))
                .withSecurity(new SecuritySpec(false, List.of("net_admin", "CAP_SYS_PTRACE"), List.of("MKNOD"), true))
                .withResources(new ResourceSpec(64L << 20, 32L << 20, 0, 512, 0.5, 100))
                .withUlimits(List.of(new Ulimit("nofile", 1024, 2048), new Ulimit("core", 0, 0)))
                .withSysctls(sysctls)
                .withMounts(List.of(
                        new MountSpec.Tmpfs("/run/app/cache", 0, 0, false, false),
                        new MountSpec.Tmpfs("/run", 16L << 20, 0755, false, true),
                        new MountSpec.Bind(Path.of("/srv/data"), "/data", true, MountSpec.Propagation.RSHARED, false)))
                .withShmSize(128L << 20)
                .withStop("SIGQUIT", Duration.ofSeconds(3));
        ContainerSpec hostish = ContainerSpec.of(ROOTFS, List.of("top"))
                .withNetwork(NetworkSpec.of(NetworkMode.HOST))
                .withNamespaces(new NamespaceSpec(true, true, true))
                .withSecurity(new SecuritySpec(true, List.of(), List.of(), false));
        ContainerSpec joined = ContainerSpec.of(ROOTFS, List.of("sleep", "1000"))
                .withNetwork(NetworkSpec.of(new NetworkMode.Joined(Path.of("/run/netns/jcompose-abc"))))
                .withSecurity(new SecuritySpec(false, List.of(), List.of("ALL"), false))
                .withResources(new ResourceSpec(32L << 20, 0, -1, 0, 0, -1));
        return Stream.of(
                Arguments.of("minimal", minimal),
                Arguments.of("full", full),
                Arguments.of("privileged-host-namespaces", hostish),
                Arguments.of("joined-netns-no-caps", joined));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void configJsonMatchesGolden(String name, ContainerSpec spec) throws IOException {
        ResolvedUser user = UserResolver.resolve(PASSWD, GROUP, spec.process().user(), spec.process().groupAdd());
        String actual = new String(OciJson.write(SpecTranslator.translate(spec, user, CONTEXT)), StandardCharsets.UTF_8) + "\n";

        Path golden = Path.of("src/test/resources/golden/bundle", name + ".json");
        if (Boolean.getBoolean("jcompose.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
