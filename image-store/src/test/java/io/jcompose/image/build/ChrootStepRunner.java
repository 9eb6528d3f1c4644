package io.jcompose.image.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A test stand-in for the agent's runner: mounts the step's overlay with mount(8), runs the command with
 * chroot in a private mount and PID namespace (busybox env/sh inside the image set the environment and
 * working directory), and unmounts in finally. Root only. Also bench/image-build.sh's runner.
 */
public final class ChrootStepRunner implements StepRunner {
    private final Path scratch;
    final List<RunStep> steps = new ArrayList<>();

    public ChrootStepRunner(Path scratch) {
        this.scratch = scratch;
    }

    @Override
    public int run(RunStep step, Consumer<String> output) throws InterruptedException {
        steps.add(step);
        Path target = scratch.resolve(step.id());
        try {
            Files.createDirectories(target);
            exec(step.rootfs().command(target), step.rootfs().workingDirectory());
            try {
                List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "chroot",
                        target.toString(), "/bin/busybox", "env", "-i"));
                cmd.addAll(step.env());
                cmd.addAll(List.of("/bin/busybox", "sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh",
                        step.workingDir()));
                cmd.addAll(step.args());
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) output.accept(line);
                }
                return p.waitFor();
            } finally {
                exec(List.of("umount", target.toString()), null);
                Files.delete(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) pb.directory(dir.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
}
