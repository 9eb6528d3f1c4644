package io.jcompose.scheduler.translate;

import io.jcompose.agent.api.v1.ContainerSpecBody.MountBody;
import io.jcompose.model.project.FileReference;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.ServiceVolume;
import io.jcompose.scheduler.naming.Names;
import java.util.ArrayList;
import java.util.List;

/** {@code volumes}, {@code tmpfs}, {@code volumes_from}, file-based {@code secrets} and {@code configs} → mounts. */
final class Mounts {
    private Mounts() {
    }

    static List<MountBody> of(Project project, Service service, Findings findings) {
        List<MountBody> out = new ArrayList<>();
        for (ServiceVolume v : service.volumes()) {
            MountBody m = volume(project, v, "volumes", findings);
            if (m != null) out.add(m);
        }
        for (String t : service.tmpfs()) out.add(tmpfs(t, findings));
        for (String from : service.volumesFrom()) out.addAll(volumesFrom(project, from, findings));
        for (FileReference r : service.secrets()) {
            fileMount(r, "secrets", project.secrets().get(r.source()) == null ? null
                    : project.secrets().get(r.source()).file(), "/run/secrets/" + r.source(), findings, out);
        }
        for (FileReference r : service.configs()) {
            fileMount(r, "configs", project.configs().get(r.source()) == null ? null
                    : project.configs().get(r.source()).file(), "/" + r.source(), findings, out);
        }
        return out;
    }

    private static MountBody volume(Project project, ServiceVolume v, String attribute, Findings findings) {
        return switch (v.type()) {
            case BIND -> {
                ServiceVolume.BindOptions b = v.bind();
                if (b != null && b.selinux() != null) {
                    findings.warn(attribute, "SELinux relabelling (:" + b.selinux() + ") of " + v.source() + " is ignored");
                }
                yield new MountBody("bind", v.source(), v.target(), v.readOnly(), b == null ? null : b.propagation(),
                        b == null || b.createHostPath(), null, null, null, null, null);
            }
            case VOLUME -> {
                ServiceVolume.VolumeOptions o = v.volume();
                String source = v.source() == null || v.source().isEmpty() ? null : Names.volume(project, v.source());
                yield new MountBody("volume", source, v.target(), v.readOnly(), null, null, null, null, null,
                        o != null && o.nocopy() ? Boolean.TRUE : null, o == null ? null : o.subpath());
            }
            case TMPFS -> new MountBody("tmpfs", null, v.target(), v.readOnly(), null, null,
                    v.tmpfs() == null ? null : v.tmpfs().size(), v.tmpfs() == null ? null : v.tmpfs().mode(), null, null,
                    null);
            case IMAGE, NPIPE, CLUSTER -> {
                findings.error(attribute, "mounts of type " + v.type().wire() + " (" + v.target() + ") are not supported");
                yield null;
            }
        };
    }

    /** {@code /run:size=64m,mode=1777,noexec}: the short tmpfs syntax. */
    static MountBody tmpfs(String spec, Findings findings) {
        int colon = spec.indexOf(':');
        String target = colon < 0 ? spec : spec.substring(0, colon);
        Long size = null;
        Integer mode = null;
        Boolean noExec = null;
        Boolean readOnly = null;
        if (colon >= 0) {
            for (String option : spec.substring(colon + 1).split(",")) {
                int eq = option.indexOf('=');
                String key = eq < 0 ? option : option.substring(0, eq);
                String value = eq < 0 ? "" : option.substring(eq + 1);
                switch (key) {
                    case "size" -> size = io.jcompose.model.project.ByteSize.parse(value);
                    case "mode" -> mode = Integer.parseInt(value, 8);
                    case "noexec" -> noExec = true;
                    case "exec" -> noExec = false;
                    case "ro" -> readOnly = true;
                    case "rw" -> readOnly = false;
                    case "", "nosuid", "nodev", "suid", "dev" -> {
                        // the agent mounts tmpfs nosuid,nodev already, as Docker does
                    }
                    default -> findings.warn("tmpfs", "option " + key + " of " + target + " is ignored");
                }
            }
        }
        return new MountBody("tmpfs", null, target, readOnly, null, null, size, mode, noExec, null, null);
    }

    /** Another service's named volumes and binds, at the same targets; {@code :ro} makes them read-only. */
    private static List<MountBody> volumesFrom(Project project, String from, Findings findings) {
        if (from.startsWith("container:")) {
            findings.error("volumes_from", "mounting the volumes of a container outside the project (" + from
                    + ") is not supported");
            return List.of();
        }
        String[] parts = from.split(":");
        boolean readOnly = parts.length > 1 && parts[1].equals("ro");
        Service source = project.services().get(parts[0]);
        if (source == null) {
            findings.error("volumes_from", parts[0] + " is not a service of the project");
            return List.of();
        }
        List<MountBody> out = new ArrayList<>();
        for (ServiceVolume v : source.volumes()) {
            if (v.type() == ServiceVolume.Type.VOLUME && (v.source() == null || v.source().isEmpty())) {
                findings.error("volumes_from", "the anonymous volume " + v.target() + " of " + parts[0]
                        + " cannot be shared; give it a name under the top-level volumes:");
                continue;
            }
            if (v.type() != ServiceVolume.Type.BIND && v.type() != ServiceVolume.Type.VOLUME) continue;
            MountBody m = volume(project, v, "volumes_from", findings);
            if (m == null) continue;
            out.add(new MountBody(m.type(), m.source(), m.target(), readOnly || Boolean.TRUE.equals(m.readOnly()),
                    m.propagation(), m.createHostPath(), m.size(), m.mode(), m.noExec(), m.noCopy(), m.subpath()));
        }
        return out;
    }

    /** A file-based secret or config is a read-only bind of its file; other sources need a store we lack. */
    private static void fileMount(FileReference ref, String attribute, String file, String defaultTarget,
                                  Findings findings, List<MountBody> out) {
        if (file == null) {
            findings.error(attribute, ref.source() + " is not backed by a file; only file: " + attribute
                    + " can be mounted so far");
            return;
        }
        if (ref.uid() != null || ref.gid() != null || ref.mode() != null) {
            findings.warn(attribute, "uid, gid and mode of " + ref.source() + " are ignored: the file is bind-mounted as it is");
        }
        String target = ref.target() == null ? defaultTarget
                : ref.target().startsWith("/") ? ref.target() : defaultTarget.substring(0,
                defaultTarget.lastIndexOf('/') + 1) + ref.target();
        out.add(new MountBody("bind", file, target, true, null, false, null, null, null, null, null));
    }
}
