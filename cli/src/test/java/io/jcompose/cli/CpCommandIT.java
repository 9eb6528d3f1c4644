package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarReader;
import io.jcompose.image.tar.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cp both ways through the real launcher, against an agent of the test's own and a busybox image. Root only. */
class CpCommandIT extends LauncherStack {




    @Test
    void copiesFilesDirectoriesAndTarStreamsBothWays() throws Exception {
        startStack("""
                services:
                  app:
                    image: jcompose.local/busybox:1
                    command: [sleep, "600"]
                    hostname: copied-host
                    stop_grace_period: 1s
                """);
        Result up = runBytes(null, "up", "-d");
        assertThat(up.exit()).as(up.output()).isZero();

        // a file into a directory, and a file out into the current directory
        Files.writeString(project.resolve("note.txt"), "hello from the host\n");
        Result in = runBytes(null, "cp", "note.txt", "app:/tmp/");
        assertThat(in.exit()).as(in.output()).isZero();
        assertThat(runBytes(null, "exec", "-T", "app", "sh", "-c", "cat /tmp/note.txt; stat -c %u:%g /tmp/note.txt").output())
                .isEqualTo("hello from the host\n0:0\n");
        Result out = runBytes(null, "cp", "app:/etc/hostname", "./");
        assertThat(out.exit()).as(out.output()).isZero();
        assertThat(Files.readString(project.resolve("hostname"))).isEqualTo("copied-host\n");

        // a directory in under a new name, its content into an existing one, and back out
        Path tree = Files.createDirectories(project.resolve("tree/sub"));
        Files.writeString(tree.resolve("leaf"), "leaf\n");
        Result dirIn = runBytes(null, "cp", "tree", "app:/tmp/copy");
        assertThat(dirIn.exit()).as(dirIn.output()).isZero();
        assertThat(runBytes(null, "exec", "-T", "app", "cat", "/tmp/copy/sub/leaf").output()).isEqualTo("leaf\n");
        Result contentIn = runBytes(null, "cp", "tree/.", "app:/tmp");
        assertThat(contentIn.exit()).as(contentIn.output()).isZero();
        assertThat(runBytes(null, "exec", "-T", "app", "cat", "/tmp/sub/leaf").output()).isEqualTo("leaf\n");
        Result back = runBytes(null, "cp", "app:/tmp/copy", "back");
        assertThat(back.exit()).as(back.output()).isZero();
        assertThat(Files.readString(project.resolve("back/sub/leaf"))).isEqualTo("leaf\n");

        // tar streams: out to standard output, in from standard input
        Result tarOut = runBytes(null, "cp", "app:/tmp/copy/sub", "-");
        assertThat(tarOut.exit()).as(tarOut.output()).isZero();
        assertThat(names(tarOut.bytes())).containsExactly("sub/", "sub/leaf");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(tar)) {
            byte[] content = "streamed\n".getBytes(StandardCharsets.UTF_8);
            w.put(TarEntry.file("streamed.txt", 0644, content.length).withOwner(7, 7), content);
            w.finish();
        }
        Result tarIn = runBytes(tar.toByteArray(), "cp", "-a", "-", "app:/tmp");
        assertThat(tarIn.exit()).as(tarIn.output()).isZero();
        assertThat(runBytes(null, "exec", "-T", "app", "sh", "-c", "cat /tmp/streamed.txt; stat -c %u /tmp/streamed.txt").output())
                .isEqualTo("streamed\n7\n");

        // errors as docker's
        Result missing = runBytes(null, "cp", "app:/no/such", ".");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.output()).contains("could not find the file /no/such in container");
        Result dirOnFile = runBytes(null, "cp", "tree", "app:/tmp/note.txt");
        assertThat(dirOnFile.exit()).isEqualTo(1);
        assertThat(dirOnFile.output()).contains("cannot copy directory");
    }

    private static List<String> names(byte[] tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarReader r = new TarReader(new ByteArrayInputStream(tar))) {
            for (TarEntry e = r.next(); e != null; e = r.next()) names.add(e.name());
        }
        return names;
    }


}
