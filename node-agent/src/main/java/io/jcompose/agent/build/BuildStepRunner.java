package io.jcompose.agent.build;

import io.jcompose.agent.bundle.BundleDir;
import io.jcompose.agent.bundle.BundleWriter;
import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.bundle.EtcFiles;
import io.jcompose.agent.bundle.HostEntry;
import io.jcompose.agent.bundle.NetworkMode;
import io.jcompose.agent.bundle.NetworkSpec;
import io.jcompose.agent.bundle.ProcessSpec;
import io.jcompose.agent.bundle.ResolvedUser;
import io.jcompose.agent.bundle.SpecTranslator;
import io.jcompose.agent.bundle.UserResolver;
import io.jcompose.agent.bundle.oci.OciSpec;
import io.jcompose.agent.host.HostProfile;
import io.jcompose.agent.image.OverlayMounts;
import io.jcompose.agent.runtime.OciRuntime;
import io.jcompose.image.build.BuildException;
import io.jcompose.image.build.RunStep;
import io.jcompose.image.build.StepRunner;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a Dockerfile's RUN step as a short-lived container: the step's overlay snapshot is mounted as
 * the root, a bundle with Docker's defaults (capabilities, masked paths, {@code /dev/shm}) is written,
 * and {@code runc run} executes it in the foreground with its output piped back line by line. No
 * monitor and no state row: a step lives only as long as the build that asked for it. The network is
 * none unless the build asks for the host's; the snapshot's upper directory, left behind by the
 * process, is what the builder commits as the step's layer.
 */
public final class BuildStepRunner implements StepRunner {
    private static final System.Logger LOG = System.getLogger(BuildStepRunner.class.getName());

    private final HostProfile host;
    private final OciRuntime runtime;
    private final Path workRoot;
    private final String cgroupParent;

    /**
     * @param workRoot     where step bundles and mount points live (volatile: under the runtime dir)
     * @param cgroupParent the agent's cgroup parent, e.g. {@code /jcompose}
     */
    /** A runner over {@code workRoot}, first clearing what a killed agent left there (mounts, bundles). */
    public static BuildStepRunner open(HostProfile host, OciRuntime runtime, Path workRoot, String cgroupParent) {
        BuildStepRunner runner = new BuildStepRunner(host, runtime, workRoot, cgroupParent);
        if (Files.isDirectory(workRoot)) {
            try (var dirs = Files.list(workRoot)) {
                for (Path dir : dirs.toList()) {
                    String id = dir.getFileName().toString();
                    runner.cleanUp(id, dir, dir.resolve("rootfs"), true);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot list " + workRoot + ": " + e.getMessage());
            }
        }
        return runner;
    }

    public BuildStepRunner(HostProfile host, OciRuntime runtime, Path workRoot, String cgroupParent) {
        this.host = host;
        this.runtime = runtime;
        this.workRoot = workRoot;
        this.cgroupParent = cgroupParent;
    }

    @Override
    public int run(RunStep step, Consumer<String> output) throws InterruptedException {
        String id = containerId(step.id());
        Path dir = workRoot.resolve(id);
        Path rootfs = dir.resolve("rootfs");
        BundleDir bundle = new BundleDir(dir);
        boolean mounted = false;
        try {
            Files.createDirectories(rootfs);
            OverlayMounts.mount(step.rootfs(), rootfs);
            mounted = true;
            ContainerSpec spec = spec(step, rootfs);
            ResolvedUser user = resolveUser(rootfs, step.user());
            SpecTranslator.Context context = new SpecTranslator.Context(id, host, bundle, cgroupParent + "/build-" + id);
            OciSpec oci = SpecTranslator.translate(spec, user, context);
            BundleWriter.writeEtc(bundle, EtcFiles.render(spec, oci.hostname(), read("/etc/hosts"), read("/etc/resolv.conf")));
            BundleWriter.writeConfig(bundle, oci);
            return execute(id, dir, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the RUN step's container: " + e.getMessage(), e);
        } finally {
            cleanUp(id, dir, rootfs, mounted);
        }
    }

    private int execute(String id, Path dir, Consumer<String> output) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(runtime.binary().path().toString());
        argv.addAll(runtime.globalArgs());
        argv.addAll(List.of("run", "--bundle", dir.toString(), id));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.accept(line);
            }
            return p.waitFor();
        } finally {
            if (p.isAlive()) {
                // The build was cancelled: runc passes the signal on to the step's process.
                p.destroy();
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static ContainerSpec spec(RunStep step, Path rootfs) {
        NetworkMode mode = switch (step.network() == null ? "none" : step.network()) {
            case "none" -> new NetworkMode.None();
            case "host" -> new NetworkMode.Host();
            default -> throw new BuildException("RUN network \"" + step.network() + "\" is not supported",
                    "use none (the default) or host");
        };
        List<HostEntry> extraHosts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : step.extraHosts().entrySet()) {
            for (String address : e.getValue()) {
                extraHosts.add(new HostEntry(e.getKey(), address));
            }
        }
        ProcessSpec process = new ProcessSpec(step.args(), step.env(), step.workingDir(), step.user(), List.of(),
                false, false);
        ContainerSpec spec = ContainerSpec.of(rootfs, step.args()).withProcess(process)
                .withNetwork(new NetworkSpec(mode, extraHosts, List.of(), List.of(), List.of()));
        return step.shmSize() == null ? spec : spec.withShmSize(step.shmSize());
    }

    private static ResolvedUser resolveUser(Path rootfs, String user) {
        try {
            return UserResolver.resolve(rootfs, user == null ? "" : user, List.of());
        } catch (RuntimeException e) {
            throw new BuildException(e.getMessage(), "define the user in the image (RUN useradd …) before USER, "
                    + "or give a numeric uid");
        }
    }

    private void cleanUp(String id, Path dir, Path rootfs, boolean mounted) {
        try {
            runtime.delete(id, true);
        } catch (RuntimeException e) {
            // runc run removes its container when the process ends; nothing is left to delete then.
        }
        try {
            if (mounted) {
                OverlayMounts.unmount(rootfs);
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot clean up the RUN step " + id + ": " + e.getMessage());
        }
    }

    /** A 64-hex id derived from the step's (the builder's ids need not be hex); its prefix names the host. */
    static String containerId(String stepId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(stepId.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
