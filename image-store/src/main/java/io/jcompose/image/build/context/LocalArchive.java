package io.jcompose.image.build.context;

import io.jcompose.image.ImageException;
import io.jcompose.image.build.BuildException;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.layer.LayerApplier;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * ADD's local archives: a tar, plain or compressed with gzip, bzip2, xz or zstd, recognised by its
 * content and not its name (as Docker does). The tar is unpacked with the image store's layer
 * applier, so the same rules hold as for pulled layers: no entry may leave the destination, hardlinks
 * stay inside it, whiteouts and owners are honoured. Like Docker, bzip2 and xz are decompressed by
 * the host's {@code bzip2}/{@code xz} programs; gzip and zstd in process.
 */
final class LocalArchive {
    private static final int BLOCK = 512;

    private enum Compression { NONE, GZIP, BZIP2, XZ, ZSTD }

    private LocalArchive() {
    }

    /** Whether {@code file} is a tar archive, compressed or not. */
    static boolean isArchive(Path file) throws IOException {
        Compression c = detect(file);
        try (InputStream in = decompressed(file, c)) {
            return isTarHeader(in.readNBytes(BLOCK));
        } catch (IOException e) {
            return false; // e.g. a gzip file that is damaged or not a tar: ADD copies it as it is
        }
    }

    /** Unpacks the archive {@code file} into the existing directory {@code dest}. */
    static void extract(Path file, String name, Path dest) throws IOException {
        Compression c = detect(file);
        // the applier decompresses gzip and zstd itself; bzip2 and xz arrive here already decompressed
        InputStream in = c == Compression.BZIP2 || c == Compression.XZ ? decompressed(file, c)
                : new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try (in) {
            new LayerApplier(ApplyOptions.defaults()).apply(in, dest);
        } catch (ImageException e) {
            throw new BuildException("ADD cannot extract \"" + name + "\": " + e.problem(),
                    e.fix() == null || e.fix().isBlank() ? "check the archive" : e.fix());
        }
    }

    private static Compression detect(Path file) throws IOException {
        byte[] m;
        try (InputStream in = Files.newInputStream(file)) {
            m = in.readNBytes(6);
        }
        if (starts(m, 0x1f, 0x8b)) return Compression.GZIP;
        if (starts(m, 'B', 'Z', 'h')) return Compression.BZIP2;
        if (starts(m, 0xfd, '7', 'z', 'X', 'Z', 0x00)) return Compression.XZ;
        if (starts(m, 0x28, 0xb5, 0x2f, 0xfd)) return Compression.ZSTD;
        return Compression.NONE;
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((data[i] & 0xff) != magic[i]) return false;
        return true;
    }

    private static InputStream decompressed(Path file, Compression c) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return switch (c) {
            case NONE -> raw;
            case GZIP -> new GZIPInputStream(raw, 1 << 16);
            case ZSTD -> new io.airlift.compress.v3.zstd.ZstdInputStream(raw);
            case BZIP2 -> { raw.close(); yield program(file, "bzip2"); }
            case XZ -> { raw.close(); yield program(file, "xz"); }
        };
    }

    /** The output of {@code <program> -dcq <file>}; closing it checks the exit status. */
    private static InputStream program(Path file, String program) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(program, "-dcq").redirectInput(file.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new BuildException("ADD needs the \"" + program + "\" program to unpack " + file.getFileName()
                    + ", and it is not installed", "install it (Debian: apt-get install " + (program.equals("xz") ? "xz-utils" : "bzip2")
                    + "), or recompress the archive with gzip");
        }
        return new FilterInputStream(new BufferedInputStream(p.getInputStream(), 1 << 16)) {
            @Override
            public void close() throws IOException {
                super.close();
                try {
                    if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) p.destroy();
                } catch (InterruptedException e) {
                    p.destroy();
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** A ustar/GNU header, or an old-style one whose checksum is right; an all-zero block (an empty tar) is not. */
    static boolean isTarHeader(byte[] block) {
        if (block.length < BLOCK) return false;
        if (new String(block, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) return true;
        long stored = 0;
        boolean digits = false;
        for (int i = 148; i < 156; i++) {
            int b = block[i] & 0xff;
            if (b >= '0' && b <= '7') {
                stored = stored * 8 + (b - '0');
                digits = true;
            } else if (digits && (b == 0 || b == ' ')) {
                break;
            } else if (b != ' ' && b != 0) {
                return false;
            }
        }
        if (!digits) return false;
        byte[] copy = Arrays.copyOf(block, BLOCK);
        Arrays.fill(copy, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : copy) sum += b & 0xff;
        return sum == stored;
    }
}
