package io.jcompose.image.tar;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads ustar archives with the GNU long-name ({@code L}/{@code K}) and POSIX PAX ({@code x}/{@code g})
 * extensions, which is what image layers use. Extended attributes from {@code SCHILY.xattr.*} keep
 * their raw bytes: binary values such as {@code security.capability} must not pass through a text
 * decoder. Header fields are checked (checksum, octal or base-256 numbers, bounded extension sizes),
 * so a damaged or hostile stream fails with a {@link TarFormatException} naming the entry.
 *
 * <pre>{@code
 * try (TarReader tar = new TarReader(in)) {
 *     for (TarEntry e; (e = tar.next()) != null; ) { if (e.type() == FILE) tar.content().transferTo(out); }
 * }
 * }</pre>
 */
public final class TarReader implements Closeable {
    static final int BLOCK = 512;
    /** Extension headers are read into memory, so their size is capped. */
    private static final int MAX_EXTENSION_BYTES = 1 << 20;
    private static final String XATTR_PREFIX = "SCHILY.xattr.";
    private static final String LIBARCHIVE_XATTR_PREFIX = "LIBARCHIVE.xattr.";

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private final Map<String, byte[]> global = new HashMap<>();
    private final ContentStream content = new ContentStream();
    private long remaining;
    private long padding;
    private long entries;
    private String current = "";

    private final byte[] scratch = new byte[8192];

    public TarReader(InputStream in) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    }

    /** The next entry, or null at the end of the archive. Skips whatever content was not read. */
    public TarEntry next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        Map<String, byte[]> pax = null;
        String longName = null;
        String longLink = null;
        while (true) {
            if (!readBlock()) {
                if (pax != null || longName != null || longLink != null) {
                    throw fail("archive ends after an extension header");
                }
                return null;
            }
            if (isZero(header)) return null;
            verifyChecksum();
            char flag = (char) (header[156] & 0xff);
            long size = number(124, 12, "size");
            if (size < 0) throw fail("negative size");
            switch (flag) {
                case 'x' -> {
                    if (pax == null) pax = new LinkedHashMap<>();
                    parsePax(readExtension(size), pax);
                }
                case 'g' -> parsePax(readExtension(size), global);
                case 'L' -> longName = cString(readExtension(size));
                case 'K' -> longLink = cString(readExtension(size));
                default -> {
                    return entry(flag, size, pax, longName, longLink);
                }
            }
        }
    }

    /** Reads whatever follows the end-of-archive marker, so a digest over the whole stream is complete. */
    public void drain() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (in.read(buffer) >= 0) {
            // discard: padding after the two zero blocks
        }
    }

    /** The content of the entry {@link #next()} returned last; valid until the next call. */
    public InputStream content() {
        return content;
    }

    private TarEntry entry(char flag, long headerSize, Map<String, byte[]> localPax, String longName, String longLink)
            throws IOException {
        Map<String, byte[]> pax = new HashMap<>(global);
        if (localPax != null) pax.putAll(localPax);
        String name = text(pax, "path");
        if (name == null) name = longName;
        if (name == null) name = ustarName();
        current = name;
        entries++;
        String linkName = text(pax, "linkpath");
        if (linkName == null) linkName = longLink;
        if (linkName == null) linkName = cString(header, 157, 100);
        long size = paxNumber(pax, "size", headerSize);
        TarEntryType type = switch (flag) {
            case '0', '7' -> TarEntryType.FILE;
            case '\0' -> name.endsWith("/") ? TarEntryType.DIRECTORY : TarEntryType.FILE;
            case '1' -> TarEntryType.HARDLINK;
            case '2' -> TarEntryType.SYMLINK;
            case '3' -> TarEntryType.CHAR_DEVICE;
            case '4' -> TarEntryType.BLOCK_DEVICE;
            case '5' -> TarEntryType.DIRECTORY;
            case '6' -> TarEntryType.FIFO;
            case 'S' -> throw fail("GNU sparse files are not supported");
            default -> throw fail("unsupported entry type '" + flag + "'");
        };
        if (pax.containsKey("GNU.sparse.major") || pax.containsKey("GNU.sparse.name")) {
            throw fail("PAX sparse files are not supported");
        }
        Map<String, byte[]> xattrs = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : pax.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(LIBARCHIVE_XATTR_PREFIX)) {
                String attr = URLDecoder.decode(key.substring(LIBARCHIVE_XATTR_PREFIX.length()), StandardCharsets.UTF_8);
                xattrs.putIfAbsent(attr, Base64.getDecoder().decode(stripPadding(e.getValue())));
            }
        }
        for (Map.Entry<String, byte[]> e : pax.entrySet()) {
            if (e.getKey().startsWith(XATTR_PREFIX)) xattrs.put(e.getKey().substring(XATTR_PREFIX.length()), e.getValue());
        }
        long mtimeSeconds = number(136, 12, "mtime");
        int mtimeNanos = 0;
        String paxTime = text(pax, "mtime");
        if (paxTime != null) {
            long[] parsed = parseTime(paxTime);
            mtimeSeconds = parsed[0];
            mtimeNanos = (int) parsed[1];
        }
        boolean device = type == TarEntryType.CHAR_DEVICE || type == TarEntryType.BLOCK_DEVICE;
        remaining = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
        return new TarEntry(name, type, type == TarEntryType.FILE ? size : 0, (int) (number(100, 8, "mode") & 07777),
                paxNumber(pax, "uid", number(108, 8, "uid")), paxNumber(pax, "gid", number(116, 8, "gid")),
                mtimeSeconds, mtimeNanos, type == TarEntryType.SYMLINK || type == TarEntryType.HARDLINK ? linkName : "",
                device ? (int) number(329, 8, "devmajor") : 0, device ? (int) number(337, 8, "devminor") : 0, xattrs);
    }

    private String ustarName() throws IOException {
        String name = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        if (ustar && header[345] != 0) return cString(header, 345, 155) + "/" + name;
        return name;
    }

    /** Parses {@code "LEN key=value\n"} records; the value is kept as raw bytes. */
    private void parsePax(byte[] data, Map<String, byte[]> into) throws IOException {
        int pos = 0;
        while (pos < data.length) {
            if (data[pos] == 0) break;
            int space = pos;
            long length = 0;
            while (space < data.length && data[space] >= '0' && data[space] <= '9') {
                length = length * 10 + (data[space] - '0');
                if (length > data.length) throw fail("PAX record length runs past its header");
                space++;
            }
            if (space == pos || space >= data.length || data[space] != ' ') throw fail("malformed PAX record");
            int end = pos + (int) length;
            if (length < 3 || end > data.length || data[end - 1] != '\n') throw fail("malformed PAX record");
            int equals = space + 1;
            while (equals < end && data[equals] != '=') equals++;
            if (equals >= end) throw fail("PAX record without '='");
            String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
            byte[] value = Arrays.copyOfRange(data, equals + 1, end - 1);
            if (value.length == 0 && !key.startsWith(XATTR_PREFIX)) into.remove(key);
            else into.put(key, value);
            pos = end;
        }
    }

    private static long[] parseTime(String text) throws TarFormatException {
        try {
            int dot = text.indexOf('.');
            String whole = dot < 0 ? text : text.substring(0, dot);
            long seconds = Long.parseLong(whole);
            long nanos = 0;
            if (dot >= 0) {
                String fraction = (text.substring(dot + 1) + "000000000").substring(0, 9);
                nanos = Long.parseLong(fraction);
                if (text.startsWith("-") && nanos > 0) {
                    seconds -= 1;
                    nanos = 1_000_000_000L - nanos;
                }
            }
            return new long[] {seconds, nanos};
        } catch (NumberFormatException e) {
            throw new TarFormatException("malformed PAX time \"" + text + "\"");
        }
    }

    private long paxNumber(Map<String, byte[]> pax, String key, long fallback) throws IOException {
        String text = text(pax, key);
        if (text == null) return fallback;
        try {
            long value = Long.parseLong(text);
            if (value < 0) throw fail("negative PAX " + key);
            return value;
        } catch (NumberFormatException e) {
            throw fail("malformed PAX " + key + " \"" + text + "\"");
        }
    }

    private static String text(Map<String, byte[]> pax, String key) {
        byte[] value = pax.get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Octal ASCII, or GNU base-256 when the high bit of the first byte is set. */
    private long number(int offset, int length, String field) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            // two's complement, big-endian, after the marker bit; bit 6 of the first byte is the sign
            int first = header[offset] & 0x7f;
            long value = (first & 0x40) != 0 ? first | ~0x7fL : first;
            for (int i = 1; i < length; i++) {
                if (value >> 55 != 0 && value >> 55 != -1) throw fail(field + " does not fit in 64 bits");
                value = value << 8 | (header[offset + i] & 0xff);
            }
            return value;
        }
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) i++;
        long value = 0;
        for (; i < end && header[i] != ' ' && header[i] != 0; i++) {
            int digit = header[i] - '0';
            if (digit < 0 || digit > 7) throw fail("invalid octal " + field);
            value = value << 3 | digit;
        }
        return value;
    }

    private void verifyChecksum() throws IOException {
        long stored = number(148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        if (stored != unsigned && stored != signed) throw fail("header checksum mismatch (not a tar stream, or damaged)");
    }

    private byte[] readExtension(long size) throws IOException {
        if (size > MAX_EXTENSION_BYTES) throw fail("extension header of " + size + " bytes is too large");
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) throw fail("archive ends inside an extension header");
        skipFully((BLOCK - size % BLOCK) % BLOCK);
        return data;
    }

    private boolean readBlock() throws IOException {
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) return false;
        if (n != BLOCK) throw fail("archive ends inside a header");
        return true;
    }

    /**
     * Consumes {@code n} bytes by reading them, never with {@code skip()}: the stream is often a
     * {@link java.security.DigestInputStream} computing the layer's diff ID, and skipped bytes would not
     * be hashed (how many depends on buffering, so the ID would even vary). Compressed input is
     * decompressed either way, so reading costs nothing extra.
     */
    private void skipFully(long n) throws IOException {
        while (n > 0) {
            int read = in.read(scratch, 0, (int) Math.min(scratch.length, n));
            if (read < 0) throw fail("archive ends inside the content of an entry");
            n -= read;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static byte[] stripPadding(byte[] base64) {
        int end = base64.length;
        while (end > 0 && base64[end - 1] == '=') end--;
        return Arrays.copyOf(base64, end);
    }

    private static String cString(byte[] data) {
        return cString(data, 0, data.length);
    }

    private static String cString(byte[] data, int offset, int length) {
        int end = offset;
        while (end < offset + length && data[end] != 0) end++;
        return new String(data, offset, end - offset, StandardCharsets.UTF_8);
    }

    private TarFormatException fail(String problem) {
        String where = entries == 0 && current.isEmpty() ? "at the first entry" : "after entry \"" + current + "\"";
        return new TarFormatException("malformed tar " + where + ": " + problem);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The current entry's bytes; never reads past them. */
    private final class ContentStream extends InputStream {
        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = in.read();
            if (b < 0) throw new EOFException("tar ends inside \"" + current + "\"");
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) throw new EOFException("tar ends inside \"" + current + "\"");
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long toSkip = Math.min(n, remaining);
            skipFully(toSkip);
            remaining -= toSkip;
            return toSkip;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }
    }
}
