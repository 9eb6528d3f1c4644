package io.jcompose.image.layer;

/**
 * Limits and mode for applying a layer.
 *
 * @param maxBytes   refuse a layer whose files add up to more than this many bytes (tar bombs)
 * @param maxEntries refuse a layer with more entries than this
 * @param privileged running as root: set owners, create device nodes, write {@code security.*} and
 *                   {@code trusted.*} attributes, mark opaque directories with {@code trusted.overlay.opaque}.
 *                   Without it, owners are left as the current user, device nodes other than whiteouts
 *                   are skipped, only {@code user.*} attributes are written, and opaque directories get
 *                   {@code user.overlay.opaque}, which overlayfs reads when mounted with {@code userxattr}.
 */
public record ApplyOptions(long maxBytes, long maxEntries, boolean privileged) {
    /** 64 GiB and ten million entries: far beyond real images, small enough to stop a bomb. */
    public static final long DEFAULT_MAX_BYTES = 64L << 30;
    public static final long DEFAULT_MAX_ENTRIES = 10_000_000L;

    public static ApplyOptions defaults() {
        return new ApplyOptions(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, io.jcompose.image.posix.Posix.geteuid() == 0);
    }

    public ApplyOptions withMaxBytes(long bytes) {
        return new ApplyOptions(bytes, maxEntries, privileged);
    }

    public ApplyOptions withPrivileged(boolean value) {
        return new ApplyOptions(maxBytes, maxEntries, value);
    }
}
