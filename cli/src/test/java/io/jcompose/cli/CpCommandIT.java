package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.client.AgentControl;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarReader;
import io.jcompose.image.tar.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cp both ways through the real launcher, against an agent of the test's own and a busybox image. Root only. */
class CpCommandIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("jcompose");

    @TempDir
    Path tmp;

    private IsolatedAgent agent;
    private Path runtime;
    private Map<String, String> env;
    private Path project;

    @AfterEach
    void takeEverythingDown() throws Exception {
        try {
            if (env != null && project != null && AgentControl.status(runtime).isPresent()) {
                run(null, "down", "-t", "1");
            }
        } finally {
            if (runtime != null) AgentControl.stop(runtime, Duration.ofSeconds(30));
            if (agent != null) agent.remove();
        }
    }

    @Test
    void copiesFilesDirectoriesAndTarStreamsBothWays() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        agent = IsolatedAgent.in(tmp);
        runtime = agent.runtime();
        env = new java.util.HashMap<>(agent.env());
        env.put("COMPOSE_PROJECT_NAME", agent.name());
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose.local/busybox:1
                    command: [sleep, "600"]
                    hostname: copied-host
                    stop_grace_period: 1s
                """);
        Path images = tmp.resolve("images");
        Process build = new ProcessBuilder(ROOT.resolve("examples/images/build.sh").toString(), "--out", images.toString(),
                "busybox").inheritIO().start();
        assertThat(build.waitFor()).isZero();
        Result load = run(null, "image", "load", "-i", images.resolve("busybox.oci.tar").toString());
        assertThat(load.exit).as(load.output).isZero();
        Result up = run(null, "up", "-d");
        assertThat(up.exit).as(up.output).isZero();

        // a file into a directory, and a file out into the current directory
        Files.writeString(project.resolve("note.txt"), "hello from the host\n");
        Result in = run(null, "cp", "note.txt", "app:/tmp/");
        assertThat(in.exit).as(in.output).isZero();
        assertThat(run(null, "exec", "-T", "app", "sh", "-c", "cat /tmp/note.txt; stat -c %u:%g /tmp/note.txt").output)
                .isEqualTo("hello from the host\n0:0\n");
        Result out = run(null, "cp", "app:/etc/hostname", "./");
        assertThat(out.exit).as(out.output).isZero();
        assertThat(Files.readString(project.resolve("hostname"))).isEqualTo("copied-host\n");

        // a directory in under a new name, its content into an existing one, and back out
        Path tree = Files.createDirectories(project.resolve("tree/sub"));
        Files.writeString(tree.resolve("leaf"), "leaf\n");
        Result dirIn = run(null, "cp", "tree", "app:/tmp/copy");
        assertThat(dirIn.exit).as(dirIn.output).isZero();
        assertThat(run(null, "exec", "-T", "app", "cat", "/tmp/copy/sub/leaf").output).isEqualTo("leaf\n");
        Result contentIn = run(null, "cp", "tree/.", "app:/tmp");
        assertThat(contentIn.exit).as(contentIn.output).isZero();
        assertThat(run(null, "exec", "-T", "app", "cat", "/tmp/sub/leaf").output).isEqualTo("leaf\n");
        Result back = run(null, "cp", "app:/tmp/copy", "back");
        assertThat(back.exit).as(back.output).isZero();
        assertThat(Files.readString(project.resolve("back/sub/leaf"))).isEqualTo("leaf\n");

        // tar streams: out to standard output, in from standard input
        Result tarOut = run(null, "cp", "app:/tmp/copy/sub", "-");
        assertThat(tarOut.exit).as(tarOut.output).isZero();
        assertThat(names(tarOut.bytes)).containsExactly("sub/", "sub/leaf");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(tar)) {
            byte[] content = "streamed\n".getBytes(StandardCharsets.UTF_8);
            w.put(TarEntry.file("streamed.txt", 0644, content.length).withOwner(7, 7), content);
            w.finish();
        }
        Result tarIn = run(tar.toByteArray(), "cp", "-a", "-", "app:/tmp");
        assertThat(tarIn.exit).as(tarIn.output).isZero();
        assertThat(run(null, "exec", "-T", "app", "sh", "-c", "cat /tmp/streamed.txt; stat -c %u /tmp/streamed.txt").output)
                .isEqualTo("streamed\n7\n");

        // errors as docker's
        Result missing = run(null, "cp", "app:/no/such", ".");
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.output).contains("could not find the file /no/such in container");
        Result dirOnFile = run(null, "cp", "tree", "app:/tmp/note.txt");
        assertThat(dirOnFile.exit).isEqualTo(1);
        assertThat(dirOnFile.output).contains("cannot copy directory");
    }

    private static List<String> names(byte[] tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarReader r = new TarReader(new ByteArrayInputStream(tar))) {
            for (TarEntry e = r.next(); e != null; e = r.next()) names.add(e.name());
        }
        return names;
    }

    private record Result(int exit, String output, byte[] bytes) {
    }

    private Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jcompose " + String.join(" ", args)).isTrue();
        drain.join();
        return new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8), bytes);
    }
}
