package io.jcompose.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A tiny root filesystem from Debian's busybox-static: {@code /bin/busybox}, a link per applet, and
 * account files with a user {@code app} (1000) who also belongs to {@code extra} (2000).
 */
public final class BusyboxRootfs {
    private BusyboxRootfs() {
    }

    public static Path create(Path dir) {
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
            Process list = new ProcessBuilder("/bin/busybox", "--list").redirectErrorStream(true).start();
            for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
                if (!applet.isBlank() && !applet.equals("busybox")) {
                    Files.createSymbolicLink(bin.resolve(applet.strip()), Path.of("busybox"));
                }
            }
            list.waitFor();
            Path etc = Files.createDirectories(dir.resolve("etc"));
            Files.writeString(etc.resolve("passwd"), """
                    root:x:0:0:root:/root:/bin/sh
                    app:x:1000:1000:App:/home/app:/bin/sh
                    nobody:x:65534:65534:nobody:/nonexistent:/bin/false
                    """);
            Files.writeString(etc.resolve("group"), """
                    root:x:0:
                    app:x:1000:
                    extra:x:2000:app
                    audio:x:29:
                    nogroup:x:65534:
                    """);
            Files.createDirectories(dir.resolve("root"));
            Files.createDirectories(dir.resolve("home/app"));
            Files.createDirectories(dir.resolve("srv"));
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
