package io.jcompose.image.tar;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes ustar archives, adding a PAX header when an entry needs one (long or non-ASCII names,
 * extended attributes, large ids or sizes, sub-second times). Used to save images and to build
 * test layers; its output reads back identically through {@link TarReader}, GNU tar and Go.
 */
public final class TarWriter implements Closeable {
    private static final long MAX_OCTAL_11 = 077777777777L;
    private static final long MAX_OCTAL_7 = 07777777L;

    private final OutputStream out;
    private long remaining;
    private long padding;
    private String current;
    private boolean finished;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the header of {@code entry}; for a regular file, {@code entry.size()} content bytes must follow. */
    public void putEntry(TarEntry entry) throws IOException {
        closeEntry();
        byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
        byte[] link = entry.linkName().getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> pax = new LinkedHashMap<>();
        if (name.length > 100 || !ascii(entry.name())) pax.put("path", name);
        if (link.length > 100 || !ascii(entry.linkName())) pax.put("linkpath", link);
        if (entry.size() > MAX_OCTAL_11) pax.put("size", ascii(entry.size()));
        if (entry.uid() > MAX_OCTAL_7) pax.put("uid", ascii(entry.uid()));
        if (entry.gid() > MAX_OCTAL_7) pax.put("gid", ascii(entry.gid()));
        if (entry.mtimeNanos() != 0 || entry.mtimeSeconds() < 0 || entry.mtimeSeconds() > MAX_OCTAL_11) {
            pax.put("mtime", mtime(entry).getBytes(StandardCharsets.US_ASCII));
        }
        // sorted: the same entry must give the same bytes in every process (layer diff IDs depend on it)
        new TreeMap<>(entry.xattrs()).forEach((k, v) -> pax.put("SCHILY.xattr." + k, v));
        if (!pax.isEmpty()) {
            byte[] records = paxRecords(pax);
            writeHeader("PaxHeaders/" + shorten(entry.name()), 'x', records.length, 0644, 0, 0, 0, "", 0, 0);
            out.write(records);
            out.write(new byte[(TarReader.BLOCK - records.length % TarReader.BLOCK) % TarReader.BLOCK]);
        }
        long size = entry.type() == TarEntryType.FILE ? entry.size() : 0;
        writeHeader(shorten(entry.name()), entry.type().flag(), Math.min(size, MAX_OCTAL_11), entry.mode(),
                Math.min(entry.uid(), MAX_OCTAL_7), Math.min(entry.gid(), MAX_OCTAL_7),
                Math.max(0, Math.min(entry.mtimeSeconds(), MAX_OCTAL_11)), shorten(entry.linkName()),
                entry.devMajor(), entry.devMinor());
        remaining = size;
        padding = (TarReader.BLOCK - size % TarReader.BLOCK) % TarReader.BLOCK;
        current = entry.name();
    }

    /** Writes a whole regular file (or any other entry when {@code content} is empty). */
    public void put(TarEntry entry, byte[] content) throws IOException {
        putEntry(entry);
        write(content, 0, content.length);
    }

    public void write(byte[] b, int off, int len) throws IOException {
        if (len > remaining) throw new IOException("more content than the " + current + " header announced");
        out.write(b, off, len);
        remaining -= len;
    }

    /** Streams the current entry's content from {@code in}. */
    public void write(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) write(buffer, 0, n);
    }

    private void closeEntry() throws IOException {
        if (remaining != 0) throw new IOException("entry " + current + " is missing " + remaining + " content bytes");
        out.write(new byte[(int) padding]);
        padding = 0;
    }

    /** Ends the archive with two zero blocks (without closing the stream). */
    public void finish() throws IOException {
        if (finished) return;
        closeEntry();
        out.write(new byte[2 * TarReader.BLOCK]);
        out.flush();
        finished = true;
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }

    private void writeHeader(String name, char flag, long size, int mode, long uid, long gid, long mtime,
                             String link, int major, int minor) throws IOException {
        byte[] h = new byte[TarReader.BLOCK];
        put(h, 0, 100, name);
        octal(h, 100, 8, mode & 07777);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) flag;
        put(h, 157, 100, link);
        put(h, 257, 6, "ustar");
        h[263] = '0';
        h[264] = '0';
        octal(h, 329, 8, major);
        octal(h, 337, 8, minor);
        for (int i = 148; i < 156; i++) h[i] = ' ';
        long sum = 0;
        for (byte b : h) sum += b & 0xff;
        octal(h, 148, 7, sum);
        out.write(h);
    }

    private static byte[] paxRecords(Map<String, byte[]> pax) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        pax.forEach((key, value) -> {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int body = 1 + k.length + 1 + value.length + 1;
            int length = body + Integer.toString(body).length();
            if (Integer.toString(length).length() != Integer.toString(body).length()) {
                length = body + Integer.toString(length).length();
            }
            records.writeBytes(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
            records.write(' ');
            records.writeBytes(k);
            records.write('=');
            records.writeBytes(value);
            records.write('\n');
        });
        return records.toByteArray();
    }

    private static String mtime(TarEntry entry) {
        if (entry.mtimeNanos() == 0) return Long.toString(entry.mtimeSeconds());
        long seconds = entry.mtimeSeconds();
        long nanos = entry.mtimeNanos();
        if (seconds < 0) {
            seconds += 1;
            nanos = 1_000_000_000L - nanos;
            return (seconds == 0 ? "-0" : Long.toString(seconds)) + "." + String.format("%09d", nanos);
        }
        return seconds + "." + String.format("%09d", nanos);
    }

    private static String shorten(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= 100 && ascii(s)) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 99; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x80 ? c : '_');
        }
        return sb.toString();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static void put(byte[] h, int offset, int length, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, offset, Math.min(length, b.length));
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        String s = Long.toOctalString(value);
        int pad = length - 1 - s.length();
        for (int i = 0; i < pad; i++) h[offset + i] = '0';
        for (int i = 0; i < s.length(); i++) h[offset + pad + i] = (byte) s.charAt(i);
        h[offset + length - 1] = 0;
    }
}
