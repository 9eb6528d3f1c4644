package io.jcompose.image.snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to mount a container's root file system; the image store only describes it, the agent mounts.
 * For an overlay: {@code lowerdir} lists the image's layers top first, {@code upperdir} and
 * {@code workdir} hold the container's changes.
 *
 * @param workingDirectory null when the options hold absolute paths; otherwise they are relative to
 *                         it (used when absolute ones would exceed the kernel's one-page limit for
 *                         mount options) and the mount must be made with it as current directory,
 *                         e.g. {@code ProcessBuilder.directory(workingDirectory)} for {@code mount(8)}
 */
public record Mount(String type, String source, List<String> options, Path workingDirectory) {
    public Mount {
        options = List.copyOf(options);
    }

    /** The option string as {@code mount -o} and {@code mount(2)} take it. */
    public String data() {
        return String.join(",", options);
    }

    /** The {@code mount(8)} command for {@code target}; run it in {@link #workingDirectory()} when set. */
    public List<String> command(Path target) {
        List<String> cmd = new ArrayList<>(List.of("mount", "-t", type));
        if (!options.isEmpty()) {
            cmd.add("-o");
            cmd.add(data());
        }
        cmd.add(source);
        cmd.add(target.toString());
        return cmd;
    }
}
