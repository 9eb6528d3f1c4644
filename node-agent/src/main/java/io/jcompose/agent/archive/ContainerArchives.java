package io.jcompose.agent.archive;

import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.image.AgentImages;
import io.jcompose.agent.volume.VolumeService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive endpoints' work: stat, read and write paths of a container as its processes see them. A live
 * container is reached through {@code /proc/PID/root} (its volumes, binds and tmpfs mounts included); a
 * created or exited one through its rootfs, mounted again when a reboot took it away, with each volume and bind
 * mount mapped to its host source (a tmpfs has no content then; writes there land in the rootfs under it, as
 * with docker).
 */
public final class ContainerArchives {
    private final ContainerService containers;
    private final AgentImages images;
    private final VolumeService volumes;

    /** {@code images} and {@code volumes} may be null (an agent without them has no such containers). */
    public ContainerArchives(ContainerService containers, AgentImages images, VolumeService volumes) {
        this.containers = containers;
        this.images = images;
        this.volumes = volumes;
    }

    public PathStatus stat(String ref, String path, boolean followLink) {
        Container c = containers.inspect(ref);
        try (PathSpace space = space(c)) {
            return ArchiveWriter.stat(space, path, followLink);
        } catch (AgentException e) {
            throw inContainer(e, c);
        }
    }

    /** Checks that {@code path} can be read, before a stream's first byte is sent. */
    public Container check(String ref, String path, boolean followLink) {
        stat(ref, path, followLink);
        return containers.inspect(ref);
    }

    /** A tar of {@code path}, its top entry named as the path's last component ({@code .} for {@code dir/.}). */
    public void read(String ref, String path, boolean followLink, OutputStream out) throws IOException {
        Container c = containers.inspect(ref);
        try (PathSpace space = space(c)) {
            ArchiveWriter.write(space, path, followLink, ContainerPaths.baseName(path), out);
        }
    }

    /** Extracts {@code tar} into the existing directory {@code dir}. */
    public void write(String ref, String dir, InputStream tar, boolean keepOwners, boolean noOverwriteDirNonDir) {
        Container c = containers.inspect(ref);
        String clean = ContainerPaths.clean(dir);
        try (PathSpace space = space(c)) {
            if (space.readOnly(clean)) {
                throw AgentException.precondition(clean.equals("/") || mountOf(c, clean) == null
                        ? "container rootfs is marked read-only" : "mounted volume is marked read-only",
                        "copy to a writable path");
            }
            ArchiveExtractor.extract(space, clean, tar, new ArchiveExtractor.Options(keepOwners
                    ? ArchiveExtractor.Ownership.ARCHIVE : ArchiveExtractor.Ownership.ROOT, noOverwriteDirNonDir, null, null));
        } catch (AgentException e) {
            throw inContainer(e, c);
        } catch (IOException e) {
            throw AgentException.invalid("cannot extract the archive into " + clean + ": " + e.getMessage(),
                    "send a tar archive");
        }
    }

    private PathSpace space(Container c) {
        List<PathSpace.Mapping> mappings = new ArrayList<>();
        boolean live = c.state().isLive() && c.pid() > 0;
        Path rootfs = c.spec().rootfs().path();
        if (live) {
            mappings.add(new PathSpace.Mapping("/", Path.of("/proc/" + c.pid() + "/root"), c.spec().rootfs().readOnly()));
        } else {
            if (c.imageId() != null && images != null) {
                images.ensureMounted(c.id().value(), rootfs);
            }
            mappings.add(new PathSpace.Mapping("/", rootfs, c.spec().rootfs().readOnly()));
        }
        for (MountSpec m : c.spec().mounts()) {
            String target = ContainerPaths.clean(m.target());
            switch (m) {
                // a running container's mounts are in its /proc/PID/root; only their read-only flag matters there
                case MountSpec.Bind b -> mappings.add(new PathSpace.Mapping(target, live ? null : b.source(), b.readOnly()));
                case MountSpec.Volume v when v.name() != null && volumes != null -> mappings.add(new PathSpace.Mapping(
                        target, live ? null : volumeSource(v), v.readOnly()));
                default -> {
                }
            }
        }
        if (live) {
            PathSpace space = new PathSpace(mappings, true);
            Container now = containers.inspect(c.id().value());
            if (!now.state().isLive() || now.pid() != c.pid()) {
                space.close();
                throw AgentException.precondition("container " + c.name() + " stopped during the copy", "copy again");
            }
            return space;
        }
        return new PathSpace(mappings, false);
    }

    private Path volumeSource(MountSpec.Volume v) {
        Path data = volumes.mountpoint(v.name());
        return v.subpath().isEmpty() ? data : data.resolve(v.subpath()).normalize();
    }

    private static MountSpec mountOf(Container c, String clean) {
        for (MountSpec m : c.spec().mounts()) {
            String t = ContainerPaths.clean(m.target());
            if (clean.equals(t) || clean.startsWith(t + "/")) {
                return m;
            }
        }
        return null;
    }

    private static AgentException inContainer(AgentException e, Container c) {
        if (e.kind() == io.jcompose.agent.error.ErrorKind.NOT_FOUND && e.problem().startsWith("could not find the file")) {
            return AgentException.notFound(e.problem() + " in container " + c.name(), e.fix());
        }
        return e;
    }
}
