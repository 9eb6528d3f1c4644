package io.jcompose.agent.container;

import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.bundle.ResolvedUser;
import io.jcompose.agent.bundle.SpecTranslator;
import io.jcompose.agent.bundle.UserResolver;
import io.jcompose.agent.bundle.oci.OciSpec;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.host.HostProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a spec against the host (the rootfs exists, bind sources exist or may be created, the user
 * is defined in the image) and translates it to {@code config.json}. Used at create, so a bad request
 * fails before anything is written, and again at every start, since the host may have changed.
 */
final class BundlePreparer {
    private final HostProfile host;
    private final ContainerLayout layout;
    private final String cgroupParent;

    BundlePreparer(HostProfile host, ContainerLayout layout, String cgroupParent) {
        this.host = host;
        this.layout = layout;
        this.cgroupParent = cgroupParent;
    }

    OciSpec prepare(String id, ContainerSpec spec) {
        Path rootfs = spec.rootfs().path();
        if (!Files.isDirectory(rootfs)) {
            throw AgentException.invalid("root filesystem " + rootfs + " does not exist or is not a directory",
                    "pull or build the image first");
        }
        for (MountSpec m : spec.mounts()) {
            if (m instanceof MountSpec.Bind b && !Files.exists(b.source())) {
                if (!b.createHostPath()) {
                    throw AgentException.invalid("bind source " + b.source() + " for " + b.target() + " does not exist",
                            "create it on the host, or allow create_host_path");
                }
                try {
                    Files.createDirectories(b.source());
                } catch (IOException e) {
                    throw AgentException.internal("cannot create bind source " + b.source() + ": " + e.getMessage(), e);
                }
            }
        }
        ResolvedUser user = UserResolver.resolve(rootfs, spec.process().user(), spec.process().groupAdd());
        return SpecTranslator.translate(spec, user, context(id));
    }

    SpecTranslator.Context context(String id) {
        return new SpecTranslator.Context(id, host, layout.bundle(id), cgroupParent + "/" + id);
    }
}
