package io.jcompose.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Volumes with {@code driver_opts} through the CLI: one backed by a host directory, one tmpfs shared by two
 * services; {@code down -v} unmounts both, removes the volumes and keeps the host directory's files.
 */
class VolumeOptionsIT {
    private static final String PROJECT = "volopts";
    private static final String COMPOSE = """
            name: volopts
            services:
              app:
                image: jcompose.local/busybox:1
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                volumes: [hostdata:/host, scratch:/scratch]
              peer:
                image: jcompose.local/busybox:1
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                volumes: [scratch:/scratch]
            volumes:
              hostdata:
                driver_opts: {type: none, o: bind, device: "${HOSTDIR}"}
              scratch:
                driver_opts: {type: tmpfs, device: tmpfs, o: "size=8m,mode=0777"}
            """;

    @RegisterExtension
    static final JcomposeHost host = new JcomposeHost("busybox");

    @Test
    void bindAndTmpfsBackedVolumesWorkAndDownKeepsTheHostFiles() throws IOException {
        Path dir = host.composeFile(PROJECT, COMPOSE);
        Path hostDir = Files.createDirectories(host.footprint().root().resolve("hostdata"));
        Files.writeString(hostDir.resolve("seed"), "from the host\n");
        Map<String, String> env = Map.of("HOSTDIR", hostDir.toString());
        Stack stack = new Stack(host, dir, PROJECT, env, 0);

        host.ok(dir, env, "up", "-d");
        assertThat(host.ok(dir, env, "exec", "app", "cat", "/host/seed").out()).isEqualTo("from the host\n");
        host.ok(dir, env, "exec", "app", "sh", "-c", "echo from app > /host/written; echo shared > /scratch/note");
        assertThat(host.ok(dir, env, "exec", "peer", "cat", "/scratch/note").out()).isEqualTo("shared\n");
        assertThat(host.agent().inspectVolume("volopts_hostdata").driverOpts()).containsEntry("device", hostDir.toString());

        host.ok(dir, env, "down", "-v");
        stack.assertNothingLeft();
        assertThat(hostDir.resolve("seed")).hasContent("from the host");
        assertThat(hostDir.resolve("written")).hasContent("from app");
    }
}
