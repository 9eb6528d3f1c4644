package io.jcompose.agent.bundle;

import io.jcompose.agent.bundle.oci.OciJson;
import io.jcompose.agent.bundle.oci.OciSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a bundle's files. Each file is written to a temporary name and renamed into place, so a
 * crash never leaves a half-written {@code config.json} for the runtime to read.
 */
public final class BundleWriter {
    private BundleWriter() {
    }

    public static void writeEtc(BundleDir bundle, EtcFiles files) {
        write(bundle.hostname(), files.hostname().getBytes(StandardCharsets.UTF_8));
        write(bundle.hosts(), files.hosts().getBytes(StandardCharsets.UTF_8));
        write(bundle.resolvConf(), files.resolvConf().getBytes(StandardCharsets.UTF_8));
    }

    public static void writeConfig(BundleDir bundle, OciSpec spec) {
        write(bundle.config(), OciJson.write(spec));
    }

    /** Atomically replaces {@code file} with {@code content}. */
    public static void write(Path file, byte[] content) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
