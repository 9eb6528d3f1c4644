package io.jcompose.image.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A build context holding {@code rootfs.tar}: Debian's busybox-static with a few applet links and account
 * files (user {@code app} 1000, group {@code extra} 2000), made with the host's tar.
 */
final class BusyboxContext {
    private static final List<String> APPLETS = List.of("sh", "echo", "cat", "env", "ls", "mkdir", "rm", "true",
            "false", "touch", "sleep");

    private BusyboxContext() {
    }

    static Path create(Path context) throws IOException, InterruptedException {
        Path rootfs = Files.createDirectories(context.getParent().resolve(context.getFileName() + "-rootfs"));
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        for (String applet : APPLETS) Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:App:/home/app:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\napp:x:1000:\nextra:x:2000:app\n");
        Files.writeString(etc.resolve("motd"), "welcome\n");
        Files.createDirectories(rootfs.resolve("tmp"));
        Files.createDirectories(context);
        Process tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "--numeric-owner", "-cf",
                context.resolve("rootfs.tar").toString(), ".").inheritIO().start();
        if (tar.waitFor() != 0) throw new IOException("tar failed");
        return context;
    }
}
