package io.jcompose.image.layer;

import io.airlift.compress.v3.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Layer blobs come gzip-, zstd- or un-compressed; the first bytes say which, whatever the media type claims. */
public enum LayerCompression {
    NONE, GZIP, ZSTD;

    private static final int BUFFER = 1 << 16;

    /** Detects the compression of {@code in} and returns a stream of the uncompressed tar. */
    public static InputStream decompress(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        return switch (detect(buffered)) {
            case GZIP -> new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER);
            case ZSTD -> new BufferedInputStream(new ZstdInputStream(buffered), BUFFER);
            case NONE -> buffered;
        };
    }

    /** Peeks at the magic number without consuming it. */
    public static LayerCompression detect(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) return GZIP;
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }
}
