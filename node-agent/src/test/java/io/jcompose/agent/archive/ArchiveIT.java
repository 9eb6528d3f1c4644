package io.jcompose.agent.archive;

import static io.jcompose.agent.testing.SpecBuilder.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.api.v1.PathStatView;
import io.jcompose.agent.api.v1.VolumeView;
import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.syscall.Libc;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarReader;
import io.jcompose.image.tar.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive endpoints against real containers, running and stopped, with volumes and hostile symlinks. */
class ArchiveIT {
    static AgentFixture agent;
    @TempDir
    Path temp;
    private final List<Path> hostLeftovers = new ArrayList<>();

    @BeforeAll
    static void start() {
        assumeTrue(Libc.geteuid() == 0, "root-tier test");
        agent = AgentFixture.start();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        agent.removeAll();
        for (VolumeView v : agent.client().volumes(List.of())) {
            if (v.name().startsWith(agent.host().prefix())) {
                agent.client().removeVolume(v.name(), true);
            }
        }
        for (Path p : hostLeftovers) {
            deleteTree(p);
        }
    }

    private ContainerView running(String name, MountSpec... mounts) {
        ContainerView c = agent.create(name, edit(agent.spec("sleep", "300"), s -> s.withMounts(List.of(mounts))));
        agent.client().start(c.id());
        return c;
    }

    private String exec(ContainerView c, String script) {
        return agent.client().exec(c.id(), new ExecRequest(List.of("sh", "-c", script), List.of(), null, null)).stdout().strip();
    }

    private Path tar(TarEntry... entries) throws IOException {
        Path file = Files.createTempFile(temp, "in-", ".tar");
        try (OutputStream out = Files.newOutputStream(file); TarWriter w = new TarWriter(out)) {
            for (TarEntry e : entries) {
                if (e.type() == io.jcompose.image.tar.TarEntryType.FILE) {
                    w.put(e, e.linkName().isEmpty() ? ("content of " + e.name()).getBytes(StandardCharsets.UTF_8) : new byte[0]);
                } else {
                    w.putEntry(e);
                }
            }
            w.finish();
        }
        return file;
    }

    private static TarEntry file(String name, int uid) {
        byte[] content = ("content of " + name).getBytes(StandardCharsets.UTF_8);
        return TarEntry.file(name, 0640, content.length).withOwner(uid, uid);
    }

    /** Entry name → content (or "dir", or "-> target"), with the owner for files. */
    private Map<String, String> read(ContainerView c, String path, boolean follow) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        agent.client().readArchive(c.id(), path, follow, out);
        Map<String, String> entries = new LinkedHashMap<>();
        try (TarReader r = new TarReader(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarEntry e = r.next(); e != null; e = r.next()) {
                entries.put(e.name(), switch (e.type()) {
                    case DIRECTORY -> "dir";
                    case SYMLINK -> "-> " + e.linkName();
                    default -> new String(r.content().readAllBytes(), StandardCharsets.UTF_8) + " (" + e.uid() + ")";
                });
            }
        }
        return entries;
    }

    @Test
    void aFileCopiedIntoARunningContainerBelongsToRootUnlessOwnersAreKept() throws Exception {
        ContainerView c = running("in");
        agent.client().writeArchive(c.id(), "/tmp", tar(file("plain.txt", 1234)), false);
        agent.client().writeArchive(c.id(), "/tmp/", tar(file("kept.txt", 1234)), true);

        assertThat(exec(c, "cat /tmp/plain.txt; echo; stat -c '%u:%g %a' /tmp/plain.txt /tmp/kept.txt"))
                .isEqualTo("content of plain.txt\n0:0 640\n1234:1234 640");
    }

    @Test
    void aFileComesOutAsTheContainerSeesItWithItsOwner() throws Exception {
        ContainerView c = running("out");
        exec(c, "echo mine > /tmp/owned; chown 42:42 /tmp/owned");

        assertThat(read(c, "/etc/hostname", false)).containsExactly(Map.entry("hostname", exec(c, "cat /etc/hostname") + "\n (0)"));
        assertThat(read(c, "/tmp/owned", false)).containsExactly(Map.entry("owned", "mine\n (42)"));
        PathStatView stat = agent.client().statPath(c.id(), "/tmp", false);
        assertThat(stat.type()).isEqualTo("directory");
        assertThatThrownBy(() -> agent.client().statPath(c.id(), "/no/such", false))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.problem()).isEqualTo("could not find the file /no/such in container " + c.name());
                });
    }

    @Test
    void aDirectoryGoesInAndComesOutWholeOrAsItsContent() throws Exception {
        ContainerView c = running("dir");
        agent.client().writeArchive(c.id(), "/tmp", tar(TarEntry.directory("d/", 0755), file("d/a", 0),
                TarEntry.directory("d/sub/", 0700), file("d/sub/b", 0), TarEntry.symlink("d/l", "a")), false);

        assertThat(exec(c, "cat /tmp/d/sub/b; echo; readlink /tmp/d/l; stat -c %a /tmp/d/sub")).isEqualTo("content of d/sub/b\na\n700");
        assertThat(read(c, "/tmp/d", false)).containsExactly(Map.entry("d/", "dir"), Map.entry("d/a", "content of d/a (0)"),
                Map.entry("d/l", "-> a"), Map.entry("d/sub/", "dir"), Map.entry("d/sub/b", "content of d/sub/b (0)"));
        assertThat(read(c, "/tmp/d/.", false).keySet()).containsExactly("./", "./a", "./l", "./sub/", "./sub/b");
        // a directory onto a file, and a file onto a directory, are refused
        exec(c, "echo x > /tmp/f");
        assertThatThrownBy(() -> agent.client().writeArchive(c.id(), "/tmp", tar(TarEntry.directory("f/", 0755)), false))
                .hasMessageContaining("cannot overwrite non-directory /tmp/f with directory");
        assertThatThrownBy(() -> agent.client().writeArchive(c.id(), "/tmp", tar(file("d", 0)), false))
                .hasMessageContaining("cannot overwrite directory /tmp/d with non-directory");
    }

    @Test
    void aFileCopiedIntoAStoppedContainersVolumeIsSeenWhenItRuns() throws Exception {
        String volume = agent.host().prefix() + "-data";
        MountSpec.Volume mount = new MountSpec.Volume(volume, "/data", false, true, null);
        ContainerView created = agent.create("stopped", edit(agent.spec("sh", "-c", "cat /data/in.txt; echo"), s -> s.withMounts(List.of(mount))));
        agent.client().writeArchive(created.id(), "/data", tar(file("in.txt", 0)), false);

        assertThat(Files.readString(Path.of(agent.client().inspectVolume(volume).mountpoint()).resolve("in.txt")))
                .isEqualTo("content of in.txt");
        agent.client().start(created.id());
        agent.client().awaitExit(created.id());
        assertThat(agent.output(created.id(), true, false)).isEqualTo("content of in.txt");
        // and out of the exited container, through the volume
        assertThat(read(created, "/data/in.txt", false)).containsExactly(Map.entry("in.txt", "content of in.txt (0)"));
        assertThat(read(created, "/data", false)).containsKeys("data/", "data/in.txt");

        ContainerView live = running("vol", mount);
        agent.client().writeArchive(live.id(), "/data", tar(file("live.txt", 0)), false);
        assertThat(exec(live, "cat /data/live.txt")).isEqualTo("content of live.txt");
    }

    @Test
    void symlinksAndDotDotStayInsideTheContainersRoot() throws Exception {
        // A host directory with a secret, and the same path inside the container holding something else.
        String dirName = "jt-" + agent.host().prefix() + "-host";
        Path hostDir = Files.createDirectories(Path.of("/tmp", dirName));
        hostLeftovers.add(hostDir);
        Files.writeString(hostDir.resolve("shadow"), "host secret");
        ContainerView c = running("escape");
        exec(c, "mkdir -p /tmp/" + dirName + " && echo container > /tmp/" + dirName + "/shadow"
                + " && ln -s /tmp/" + dirName + " /tmp/abs && ln -s ../../../../../../../../tmp/" + dirName + " /tmp/rel");

        assertThat(read(c, "/tmp/abs/shadow", false)).containsExactly(Map.entry("shadow", "container\n (0)"));
        assertThat(read(c, "/tmp/rel/shadow", false)).containsExactly(Map.entry("shadow", "container\n (0)"));
        assertThat(read(c, "/../../../../tmp/" + dirName + "/shadow", false)).containsExactly(Map.entry("shadow", "container\n (0)"));
        assertThat(read(c, "/tmp/abs", false)).containsExactly(Map.entry("abs", "-> /tmp/" + dirName));

        agent.client().writeArchive(c.id(), "/tmp/rel", tar(file("shadow", 0)), false);
        agent.client().writeArchive(c.id(), "/tmp", tar(TarEntry.symlink("planted", "/tmp/" + dirName)), false);
        agent.client().writeArchive(c.id(), "/tmp/planted", tar(file("new", 0)), false);
        assertThat(Files.readString(hostDir.resolve("shadow"))).isEqualTo("host secret");
        assertThat(hostDir.resolve("new")).doesNotExist();
        assertThat(exec(c, "cat /tmp/" + dirName + "/shadow /tmp/" + dirName + "/new"))
                .isEqualTo("content of shadowcontent of new");

        // an archive naming a parent directory is refused before anything is written
        assertThatThrownBy(() -> agent.client().writeArchive(c.id(), "/tmp", tar(file("../escaped", 0)), false))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
        assertThat(exec(c, "ls /escaped 2>&1")).contains("No such file");
    }

    @Test
    void aStoppedContainersFilesComeOutOfItsRootfs() throws Exception {
        var run = agent.run("exited", agent.spec("sh", "-c", "mkdir -p /tmp/exited-" + agent.host().prefix()
                + " && echo done > /tmp/exited-" + agent.host().prefix() + "/result"));
        hostLeftovers.add(agent.rootfs().resolve("tmp/exited-" + agent.host().prefix()));
        ContainerView c = agent.client().inspect(run.id());
        assertThat(read(c, "/tmp/exited-" + agent.host().prefix() + "/result", false))
                .containsExactly(Map.entry("result", "done\n (0)"));
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
