package io.jcompose.network.netns;

import io.jcompose.network.ContainerId;
import io.jcompose.network.NetworkException;
import io.jcompose.network.host.Command;
import io.jcompose.network.host.CommandRunner;
import io.jcompose.network.link.IpBatch;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Network namespaces kept alive by a bind mount of their nsfs file at {@code DIR/<container id>}
 * (product: {@code /run/jcompose/netns}), so that they outlive the processes in them and the OCI
 * runtime can be pointed at them by path.
 *
 * <p>We do not use {@code ip netns add}: it can only place namespaces in {@code /run/netns}, shared
 * with every other tool on the host. A directory of our own keeps our namespaces apart from theirs
 * and makes the leftover sweep a directory listing. As iproute2 does for its own directory, the
 * directory is made a shared bind mount of itself, so that removing a namespace here also removes
 * the copies that mount namespaces created later (by {@code nsenter}, unit files with private
 * mounts, …) would otherwise keep, and which would keep the namespace alive.
 */
public final class NamespaceFiles {

    private final Path dir;
    private final CommandRunner runner;
    private final MountTable mounts;
    private volatile boolean prepared;

    public NamespaceFiles(Path dir, CommandRunner runner, MountTable mounts) {
        this.dir = dir.toAbsolutePath().normalize();
        this.runner = runner;
        this.mounts = mounts;
    }

    public Path dir() {
        return dir;
    }

    public Path pathOf(ContainerId id) {
        return dir.resolve(id.value());
    }

    /**
     * Creates a new network namespace for {@code id} and returns its file. {@code setup} runs inside
     * it as the first and only process ({@code unshare --net=FILE ip -batch -}), so creating and
     * configuring the namespace costs one program start.
     */
    public Path create(ContainerId id, IpBatch setup) {
        prepare();
        Path file = pathOf(id);
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw NetworkException.conflict("a network namespace for container " + id + " already exists at " + file,
                    "detach the container first, or let the agent remove leftovers at start");
        } catch (IOException e) {
            throw NetworkException.failed("create " + file, e);
        }
        try {
            runner.run(Command.of("create the network namespace of container " + id + " at " + file,
                    "unshare", "--net=" + file, "ip", "-batch", "-").withStdin(setup.text()));
            return file;
        } catch (RuntimeException e) {
            try {
                emptyAndRemove(file);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Undoes a half-made namespace: deletes every interface in it but {@code lo} (all of them were
     * made by the failed setup, since the namespace is new, and deleting a veth end deletes its
     * host end too, which may only be ours), then unmounts it. Host interfaces are never touched
     * by name, so a name that was taken by someone else is left alone.
     */
    private void emptyAndRemove(Path file) {
        if (mounts.isMountPoint(file)) {
            String links = runner.run(Command.of("list the links of " + file, "ip", "-o", "link", "show").inNamespace(file));
            IpBatch deletions = new IpBatch();
            for (String line : links.split("\n")) {
                String[] fields = line.split(":\\s+", 3);
                if (fields.length >= 2) {
                    String name = fields[1].split("@")[0];
                    if (!name.equals("lo")) {
                        deletions.line("link", "del", name);
                    }
                }
            }
            if (!deletions.isEmpty()) {
                runner.run(Command.of("empty " + file, "ip", "-force", "-batch", "-").withStdin(deletions.text()).inNamespace(file));
            }
        }
        remove(file);
    }

    /** Unmounts and deletes a namespace file; a missing or unmounted file is not an error. */
    public void remove(Path file) {
        if (!file.startsWith(dir)) {
            throw new IllegalArgumentException(file + " is not under " + dir);
        }
        // umount2(2) itself says when the file is not mounted (EINVAL) or gone: reading and parsing the whole mount
        // table first cost every teardown a few ms of CPU on a host with many mounts, and a network's removal waits
        // for the last teardowns.
        try {
            io.jcompose.network.host.Umount.unmount(file);
        } catch (IllegalStateException e) {
            throw NetworkException.failed("unmount network namespace " + file, e);
        }
        deleteQuietly(file);
    }

    /** The namespace files present in the directory (mounted or not). */
    public List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw NetworkException.failed("list " + dir, e);
        }
    }

    /**
     * Undoes {@link #prepare()} once the directory is empty: unmounts the directory's own bind
     * mount. Used by a full teardown (tests, system reset), never on a normal stop.
     */
    public void release() {
        if (!list().isEmpty() || !mounts.isMountPoint(dir)) {
            return;
        }
        runner.run(Command.of("unmount " + dir, "umount", dir.toString()));
        prepared = false;
    }

    private synchronized void prepare() {
        if (prepared) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw NetworkException.failed("create " + dir, e);
        }
        if (!mounts.isMountPoint(dir)) {
            runner.run(Command.of("bind-mount " + dir, "mount", "--bind", dir.toString(), dir.toString()));
        }
        runner.run(Command.of("make " + dir + " a shared mount", "mount", "--make-shared", dir.toString()));
        prepared = true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a file we cannot delete is found again by the leftover sweep
        }
    }
}
