package io.jcompose.agent.bundle;

import io.jcompose.agent.bundle.oci.OciMount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mount table of {@code config.json}, in Docker's order: the kernel filesystems every container
 * gets, then the caller's mounts sorted so a parent is mounted before its children, then the
 * per-container {@code /etc} files. A caller's mount on the same target replaces a default.
 */
final class MountTranslator {
    private static final long KIB = 1024;

    private MountTranslator() {
    }

    static List<OciMount> mounts(ContainerSpec spec, BundleDir bundle) {
        boolean privileged = spec.security().privileged();
        boolean hostNet = spec.network().mode() instanceof NetworkMode.Host;
        boolean hostIpc = spec.namespaces().hostIpc();
        Set<String> taken = spec.mounts().stream().map(MountSpec::target).collect(Collectors.toSet());

        List<OciMount> defaults = new ArrayList<>();
        defaults.add(new OciMount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
        defaults.add(new OciMount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
        defaults.add(new OciMount("/dev/pts", "devpts", "devpts",
                List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")));
        String sysMode = privileged ? "rw" : "ro";
        if (hostNet) {
            // sysfs can only be mounted by the owner of the network namespace; share the host's instead.
            defaults.add(new OciMount("/sys", "bind", "/sys", List.of("rbind", "nosuid", "noexec", "nodev", sysMode)));
        } else {
            defaults.add(new OciMount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", sysMode)));
        }
        defaults.add(new OciMount("/sys/fs/cgroup", "cgroup", "cgroup",
                List.of("nosuid", "noexec", "nodev", "relatime", sysMode)));
        // An mqueue mount shows the queues of the IPC namespace it is made in: the host's with ipc: host.
        defaults.add(new OciMount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
        if (hostIpc) {
            defaults.add(new OciMount("/dev/shm", "bind", "/dev/shm", List.of("rbind", "nosuid", "noexec", "nodev")));
        } else {
            long shm = spec.shmSizeBytes() == 0 ? ContainerSpec.DEFAULT_SHM_SIZE : spec.shmSizeBytes();
            defaults.add(new OciMount("/dev/shm", "tmpfs", "shm",
                    List.of("nosuid", "noexec", "nodev", "mode=1777", "size=" + shm)));
        }

        List<OciMount> out = new ArrayList<>();
        defaults.stream().filter(m -> !taken.contains(m.destination())).forEach(out::add);
        spec.mounts().stream()
                .sorted(Comparator.comparingLong(m -> m.target().chars().filter(c -> c == '/').count()))
                .map(MountTranslator::userMount)
                .forEach(out::add);
        String etcMode = spec.rootfs().readOnly() ? "ro" : "rw";
        addEtc(out, taken, "/etc/resolv.conf", bundle.resolvConf().toString(), etcMode);
        addEtc(out, taken, "/etc/hostname", bundle.hostname().toString(), etcMode);
        addEtc(out, taken, "/etc/hosts", bundle.hosts().toString(), etcMode);
        return out;
    }

    private static void addEtc(List<OciMount> out, Set<String> taken, String target, String source, String mode) {
        if (!taken.contains(target)) {
            out.add(new OciMount(target, "bind", source, List.of("rbind", "rprivate", mode)));
        }
    }

    private static OciMount userMount(MountSpec mount) {
        return switch (mount) {
            case MountSpec.Bind b -> new OciMount(b.target(), "bind", b.source().toString(),
                    List.of("rbind", b.propagation().option(), b.readOnly() ? "ro" : "rw"));
            case MountSpec.Tmpfs t -> {
                List<String> options = new ArrayList<>(List.of("nosuid", "nodev"));
                if (t.noExec()) {
                    options.add("noexec");
                }
                options.add(t.readOnly() ? "ro" : "rw");
                if (t.sizeBytes() > 0) {
                    options.add(t.sizeBytes() % KIB == 0 ? "size=" + t.sizeBytes() / KIB + "k" : "size=" + t.sizeBytes());
                }
                if (t.mode() != 0) {
                    options.add("mode=" + Integer.toOctalString(t.mode()));
                }
                yield new OciMount(t.target(), "tmpfs", "tmpfs", options);
            }
            // The volume hook binds the volume's directory in its place before the bundle is made.
            case MountSpec.Volume v -> throw new IllegalStateException("volume mount " + v.target() + " was not resolved");
        };
    }
}
