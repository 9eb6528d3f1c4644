package io.jcompose.agent.volume;

import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerHooks;
import io.jcompose.agent.error.AgentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Volume mounts through a container's life: at create a named volume is made when missing and an
 * anonymous one gets a random name and a label tying it to the container; at start each volume
 * mount becomes a bind mount of the volume's directory (or a sub-directory of it), after a new,
 * empty volume was filled from the image unless {@code noCopy}; at remove with {@code volumes} the
 * container's anonymous volumes go with it.
 */
public final class VolumeHooks implements ContainerHooks {
    private static final System.Logger LOG = System.getLogger(VolumeHooks.class.getName());

    private final VolumeService volumes;

    public VolumeHooks(VolumeService volumes) {
        this.volumes = volumes;
    }

    @Override
    public ContainerSpec beforeCreate(String id, ContainerSpec spec) {
        if (spec.mounts().stream().noneMatch(m -> m instanceof MountSpec.Volume)) {
            return spec;
        }
        List<MountSpec> out = new ArrayList<>();
        for (MountSpec m : spec.mounts()) {
            if (m instanceof MountSpec.Volume v) {
                String name = v.name() != null ? v.name() : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
                if (v.name() == null) {
                    volumes.create(new VolumeService.Request(name, Map.of(Volume.ANONYMOUS_LABEL, id), null, null));
                } else if (volumesMissing(name)) {
                    volumes.create(new VolumeService.Request(name, Map.of(), null, null));
                }
                out.add(v.withName(name));
            } else {
                out.add(m);
            }
        }
        return spec.withMounts(out);
    }

    private boolean volumesMissing(String name) {
        try {
            volumes.find(name);
            return false;
        } catch (AgentException e) {
            return true;
        }
    }

    @Override
    public void createFailed(String id, ContainerSpec spec) {
        volumes.anonymousOf(id).forEach(v -> removeQuietly(v.name()));
    }

    @Override
    public ContainerSpec beforeStart(Container c, ContainerSpec spec, Path rootfs) {
        if (spec.mounts().stream().noneMatch(m -> m instanceof MountSpec.Volume)) {
            return spec;
        }
        List<MountSpec> out = new ArrayList<>();
        for (MountSpec m : spec.mounts()) {
            out.add(m instanceof MountSpec.Volume v ? bind(v, rootfs) : m);
        }
        return spec.withMounts(out);
    }

    private MountSpec bind(MountSpec.Volume v, Path rootfs) {
        // find: removed behind the container's back, say so rather than bind a missing directory.
        Path data = volumes.prepare(volumes.find(v.name()));
        if (!v.noCopy() && v.subpath().isEmpty() && !volumes.readOnly(v.name()) && VolumeContent.isEmpty(data)) {
            VolumeContent.prefill(rootfs, v.target(), data);
        }
        Path source = data;
        if (!v.subpath().isEmpty()) {
            source = data.resolve(v.subpath()).normalize();
            try {
                if (!Files.isDirectory(source) || !source.toRealPath().startsWith(data.toRealPath())) {
                    throw AgentException.invalid("subpath " + v.subpath() + " of volume " + v.name()
                            + " is not a directory inside the volume", "create it in the volume first");
                }
            } catch (IOException e) {
                throw AgentException.invalid("subpath " + v.subpath() + " of volume " + v.name() + " cannot be read: "
                        + e.getMessage(), "create it in the volume first");
            }
        }
        return new MountSpec.Bind(source, v.target(), v.readOnly(), MountSpec.Propagation.RPRIVATE, false);
    }

    @Override
    public void removed(Container c, boolean removeVolumes) {
        if (removeVolumes) {
            volumes.anonymousOf(c.id().value()).forEach(v -> removeQuietly(v.name()));
        }
    }

    private void removeQuietly(String name) {
        try {
            volumes.remove(name, true);
        } catch (AgentException e) {
            LOG.log(System.Logger.Level.WARNING, "anonymous volume {0} stays: {1}", name, e.getMessage());
        }
    }
}
