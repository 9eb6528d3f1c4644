package io.jcompose.image.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TarReaderTest {
    private static final byte[] CAPABILITY = HexFormat.of().parseHex("0100000280200000000000000000000000000000");
    private static final byte[] USER_BIN = HexFormat.of().parseHex("fffe8041000a");

    /** The fixture was written by GNU tar 1.34 --format=pax --xattrs (see make-fixtures.sh). */
    @Test
    void readsGnuTarPaxArchiveWithEveryFileKind() throws IOException {
        Map<String, TarEntry> entries = readAll("/tar/gnu-pax.tar");
        assertThat(entries.get("dir/").type()).isEqualTo(TarEntryType.DIRECTORY);
        assertThat(entries.get("dir/sub/").mode()).isEqualTo(0700);

        TarEntry file = entries.get("dir/file.txt");
        assertThat(file.type()).isEqualTo(TarEntryType.FILE);
        assertThat(file.size()).isEqualTo(6);
        assertThat(file.uid()).isEqualTo(1234);
        assertThat(file.gid()).isEqualTo(5678);
        assertThat(file.mtimeSeconds()).isEqualTo(1614834367L);
        assertThat(file.mtimeNanos()).isEqualTo(123456789);
        assertThat(file.xattrs().get("user.bin")).isEqualTo(USER_BIN);

        assertThat(entries.get("dir/ping").xattrs().get("security.capability")).isEqualTo(CAPABILITY);
        assertThat(entries.get("dir/setuid").mode()).isEqualTo(04755);
        assertThat(entries.get("dir/link").type()).isEqualTo(TarEntryType.SYMLINK);
        assertThat(entries.get("dir/link").linkName()).isEqualTo("../dir/file.txt");
        assertThat(entries.get("dir/hard").type()).isEqualTo(TarEntryType.HARDLINK);
        assertThat(entries.get("dir/hard").linkName()).isEqualTo("dir/file.txt");
        TarEntry tty = entries.get("dir/tty");
        assertThat(tty.type()).isEqualTo(TarEntryType.CHAR_DEVICE);
        assertThat(tty.devMajor()).isEqualTo(5);
        assertThat(tty.devMinor()).isZero();
        TarEntry loop = entries.get("dir/loop");
        assertThat(loop.type()).isEqualTo(TarEntryType.BLOCK_DEVICE);
        assertThat(loop.devMajor()).isEqualTo(7);
        assertThat(loop.devMinor()).isEqualTo(3);
        assertThat(entries.get("dir/fifo").type()).isEqualTo(TarEntryType.FIFO);
        assertThat(entries).containsKey("dir/" + "x".repeat(150));
    }

    @Test
    void readsGnuLongNames() throws IOException {
        Map<String, TarEntry> entries = readAll("/tar/gnu-longnames.tar");
        assertThat(entries).containsKey("dir/" + "x".repeat(150));
        assertThat(entries.get("dir/setuid").mode()).isEqualTo(04755);
    }

    @Test
    void deliversFileContentAndSkipsWhatIsNotRead() throws IOException {
        try (TarReader tar = new TarReader(resource("/tar/gnu-pax.tar"))) {
            String seen = "";
            for (TarEntry e; (e = tar.next()) != null; ) {
                if (e.name().equals("dir/file.txt")) seen = new String(tar.content().readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(seen).isEqualTo("hello\n");
        }
    }

    @Test
    void roundTripsEveryFieldThroughTheWriter() throws IOException {
        String longName = "a/" + "é".repeat(80) + "/file";
        Map<String, byte[]> xattrs = new LinkedHashMap<>();
        xattrs.put("security.capability", CAPABILITY);
        xattrs.put("user.bin", USER_BIN);
        TarEntry file = TarEntry.file(longName, 04755, 3).withOwner(100_000_000L, 70_000).withMtime(1_600_000_000L, 5)
                .withXattrs(xattrs);
        TarEntry old = TarEntry.file("old", 0644, 0).withMtime(-2, 250_000_000);
        TarEntry dev = TarEntry.file("dev/null", 0666, 0).withDevice(TarEntryType.CHAR_DEVICE, 1, 3);
        TarEntry link = TarEntry.symlink("l", "/" + "t".repeat(120));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(bytes)) {
            w.put(file, "abc".getBytes());
            w.put(old, new byte[0]);
            w.put(dev, new byte[0]);
            w.put(link, new byte[0]);
        }
        try (TarReader r = new TarReader(new ByteArrayInputStream(bytes.toByteArray()))) {
            TarEntry read = r.next();
            assertThat(read.name()).isEqualTo(longName);
            assertThat(read.uid()).isEqualTo(100_000_000L);
            assertThat(read.gid()).isEqualTo(70_000);
            assertThat(read.mode()).isEqualTo(04755);
            assertThat(read.mtimeSeconds()).isEqualTo(1_600_000_000L);
            assertThat(read.mtimeNanos()).isEqualTo(5);
            assertThat(read.xattrs().get("security.capability")).isEqualTo(CAPABILITY);
            assertThat(read.xattrs().get("user.bin")).isEqualTo(USER_BIN);
            assertThat(r.content().readAllBytes()).isEqualTo("abc".getBytes());
            TarEntry readOld = r.next();
            assertThat(readOld.mtimeSeconds()).isEqualTo(-2);
            assertThat(readOld.mtimeNanos()).isEqualTo(250_000_000);
            TarEntry readDev = r.next();
            assertThat(readDev.type()).isEqualTo(TarEntryType.CHAR_DEVICE);
            assertThat(readDev.devMajor()).isEqualTo(1);
            assertThat(readDev.devMinor()).isEqualTo(3);
            assertThat(r.next().linkName()).isEqualTo("/" + "t".repeat(120));
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void rejectsABadChecksum() throws IOException {
        byte[] tar = simpleTar();
        tar[0] ^= 1;
        assertThatThrownBy(() -> readAll(tar)).isInstanceOf(TarFormatException.class).hasMessageContaining("checksum");
    }

    @Test
    void rejectsContentCutShort() throws IOException {
        byte[] tar = Arrays.copyOf(simpleTar(), 512 + 100);
        assertThatThrownBy(() -> readAll(tar)).hasMessageContaining("ends inside");
    }

    @Test
    void rejectsAHeaderCutShort() throws IOException {
        byte[] tar = Arrays.copyOf(simpleTar(), 300);
        assertThatThrownBy(() -> readAll(tar)).hasMessageContaining("ends inside a header");
    }

    @Test
    void rejectsOversizedExtensionHeaders() throws IOException {
        byte[] tar = simpleTar();
        tar[156] = 'x';
        byte[] size = "77777777777".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, tar, 124, size.length);
        fixChecksum(tar);
        assertThatThrownBy(() -> readAll(tar)).hasMessageContaining("too large");
    }

    @Test
    void rejectsSparseFiles() throws IOException {
        byte[] tar = simpleTar();
        tar[156] = 'S';
        fixChecksum(tar);
        assertThatThrownBy(() -> readAll(tar)).hasMessageContaining("sparse");
    }

    @Test
    void readsBase256Numbers() throws IOException {
        byte[] tar = simpleTar();
        Arrays.fill(tar, 108, 116, (byte) 0);
        tar[108] = (byte) 0x80;
        tar[113] = 0x01; // uid = 0x010000 in base-256
        fixChecksum(tar);
        try (TarReader r = new TarReader(new ByteArrayInputStream(tar))) {
            assertThat(r.next().uid()).isEqualTo(0x010000);
        }
    }

    private static byte[] simpleTar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(bytes)) {
            w.put(TarEntry.file("f", 0644, 600), new byte[600]);
        }
        return bytes.toByteArray();
    }

    private static void fixChecksum(byte[] tar) {
        Arrays.fill(tar, 148, 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < 512; i++) sum += tar[i] & 0xff;
        byte[] octal = String.format("%06o\0", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(octal, 0, tar, 148, octal.length);
    }

    private static Map<String, TarEntry> readAll(byte[] tar) throws IOException {
        return readAll(new ByteArrayInputStream(tar));
    }

    private static Map<String, TarEntry> readAll(String resource) throws IOException {
        return readAll(resource(resource));
    }

    private static Map<String, TarEntry> readAll(InputStream in) throws IOException {
        Map<String, TarEntry> entries = new LinkedHashMap<>();
        try (TarReader tar = new TarReader(in)) {
            for (TarEntry e; (e = tar.next()) != null; ) entries.put(e.name(), e);
        }
        return entries;
    }

    private static InputStream resource(String name) {
        return TarReaderTest.class.getResourceAsStream(name);
    }
}
