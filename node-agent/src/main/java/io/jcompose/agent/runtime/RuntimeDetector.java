package io.jcompose.agent.runtime;

import io.jcompose.agent.bundle.oci.OciJson;
import io.jcompose.agent.bundle.oci.OciLinux;
import io.jcompose.agent.bundle.oci.OciMount;
import io.jcompose.agent.bundle.oci.OciNamespace;
import io.jcompose.agent.bundle.oci.OciProcess;
import io.jcompose.agent.bundle.oci.OciRoot;
import io.jcompose.agent.bundle.oci.OciSpec;
import io.jcompose.agent.bundle.oci.OciUser;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.host.CgroupLayout;
import io.jcompose.agent.host.HostCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Finds an OCI runtime that really works on this host. A version string proves little (crun 1.8.1
 * installs fine on a hybrid cgroup host and then refuses every container), so each candidate, in
 * preference order, must create and delete a probe container with the same namespaces and cgroup
 * placement as a real one. The first that does is chosen; every verdict is kept for the log and for
 * {@code GET /v1/version}.
 */
public final class RuntimeDetector {
    /** crun first: it starts containers faster when the host lets it run. */
    public static final List<String> DEFAULT_PREFERENCE = List.of("crun", "runc");

    private static final List<String> SYSTEM_DIRS = List.of(
            "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final Path probeRoot;
    private final String cgroupParent;
    private final CgroupLayout cgroups;

    /**
     * @param probeRoot    a scratch directory of the agent (probe bundles and the probe state root)
     * @param cgroupParent where container cgroups go, e.g. {@code /jcompose}
     * @param cgroups      the host's cgroup layout, used to explain a failure
     */
    public RuntimeDetector(Path probeRoot, String cgroupParent, CgroupLayout cgroups) {
        this.probeRoot = probeRoot;
        this.cgroupParent = cgroupParent;
        this.cgroups = cgroups;
    }

    /** Probes {@code preference} in order and returns the first runtime that works. */
    public RuntimeSelection select(List<String> preference) {
        List<RuntimeVerdict> verdicts = new ArrayList<>();
        for (String name : preference) {
            RuntimeVerdict verdict = judge(name);
            verdicts.add(verdict);
            if (verdict.works()) {
                return new RuntimeSelection(verdict.binary(), verdicts);
            }
        }
        throw AgentException.unavailable("no working OCI runtime: " + verdicts,
                "install Debian's runc (apt-get install runc), which works on every cgroup layout");
    }

    /** Finds, versions and probes one candidate. */
    public RuntimeVerdict judge(String name) {
        Optional<Path> path = find(name);
        if (path.isEmpty()) {
            return new RuntimeVerdict(name, null, false, "not installed (searched PATH and " + SYSTEM_DIRS + ")");
        }
        HostCommand.Result version = HostCommand.run(List.of(path.get().toString(), "--version"));
        if (!version.ok()) {
            return new RuntimeVerdict(name, null, false, path.get() + " --version failed: " + version.stderr().strip());
        }
        RuntimeBinary binary = new RuntimeBinary(name, path.get(), RuntimeBinary.parseVersion(version.stdout()));
        String failure = probe(binary);
        if (failure == null) {
            return new RuntimeVerdict(name, binary, true, "a probe container was created and deleted");
        }
        return new RuntimeVerdict(name, binary, false, "the probe container failed: " + failure + explainLayout());
    }

    private String probe(RuntimeBinary binary) {
        String id = "jcompose-probe-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path bundle = probeRoot.resolve(id);
        List<String> base = List.of(binary.path().toString(), "--root", probeRoot.resolve("state-" + binary.name()).toString());
        try {
            Files.createDirectories(bundle.resolve("rootfs"));
            // The runtime checks that the program exists before it waits for "start"; it never runs.
            Files.createFile(bundle.resolve("rootfs/probe"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.write(bundle.resolve("config.json"), OciJson.write(probeSpec(id)));
            List<String> create = new ArrayList<>(base);
            create.addAll(List.of("create", "--bundle", bundle.toString(), id));
            HostCommand.Result result = HostCommand.runDetached(create, bundle.resolve("stderr"));
            if (!result.ok()) {
                return HostCommand.runtimeMessage(result.stderr());
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the runtime probe bundle in " + bundle, e);
        } finally {
            List<String> delete = new ArrayList<>(base);
            delete.addAll(List.of("delete", "--force", id));
            HostCommand.run(delete);
            deleteTree(bundle);
        }
    }

    private OciSpec probeSpec(String id) {
        OciProcess process = new OciProcess(false, new OciUser(0, 0, null), List.of("/probe"),
                List.of("PATH=/"), "/", null, null, true);
        List<OciNamespace> namespaces = Stream.of("pid", "mount", "ipc", "uts", "network", "cgroup")
                .map(type -> new OciNamespace(type, null)).toList();
        OciLinux linux = new OciLinux(null, null, cgroupParent + "/" + id, namespaces, null, null);
        return new OciSpec(OciSpec.VERSION, process, new OciRoot("rootfs", true), "probe", null,
                List.of(new OciMount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"))), linux);
    }

    private String explainLayout() {
        if (cgroups.kind() == CgroupLayout.Kind.HYBRID && !cgroups.unifiedControllers().isEmpty()) {
            return " (this is a hybrid cgroup v1/v2 host whose unified hierarchy has controllers "
                    + cgroups.unifiedControllers() + ")";
        }
        return "";
    }

    private static Optional<Path> find(String name) {
        Set<String> dirs = new LinkedHashSet<>();
        String pathEnv = System.getenv("PATH");
        if (pathEnv != null) {
            dirs.addAll(List.of(pathEnv.split(":")));
        }
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover probe directory is harmless; the next probe uses a new name.
        }
    }
}
