package io.jcompose.image.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {
    @TempDir
    Path root;

    @Test
    void storesUnderBlobsAlgorithmHex() throws IOException {
        ContentStore store = new ContentStore(root);
        Digest d = store.put("hello".getBytes());
        assertThat(store.path(d)).isEqualTo(root.resolve("blobs/sha256/" + d.encoded()));
        assertThat(Files.readString(store.path(d))).isEqualTo("hello");
        assertThat(store.contains(d)).isTrue();
        assertThat(store.size(d)).isEqualTo(5);
        assertThat(store.list()).containsExactly(d);
        assertThat(ingestFiles()).isEmpty();
    }

    @Test
    void alreadyPresentIsSuccess() {
        ContentStore store = new ContentStore(root);
        Digest d = store.put("x".getBytes());
        try (BlobWriter w = store.writer(d, 1)) {
            assertThat(w.alreadyPresent()).isTrue();
            w.commit();
        }
        assertThat(store.read(d, 10)).containsExactly('x');
    }

    @Test
    void digestMismatchStoresNothing() {
        ContentStore store = new ContentStore(root);
        Digest claimed = Digest.sha256("good".getBytes());
        assertThatThrownBy(() -> store.put(claimed, "evil".getBytes()))
                .isInstanceOf(ImageException.class).hasMessageContaining("digest mismatch");
        assertThat(store.contains(claimed)).isFalse();
        assertThat(ingestFiles()).isEmpty();
    }

    @Test
    void truncatedBlobStoresNothing() {
        ContentStore store = new ContentStore(root);
        byte[] content = "0123456789".getBytes();
        Digest d = Digest.sha256(content);
        try (BlobWriter w = store.writer(d, 10)) {
            w.write(content, 0, 6);
            assertThatThrownBy(w::commit).isInstanceOf(ImageException.class).hasMessageContaining("truncated");
        }
        assertThat(store.contains(d)).isFalse();
        assertThat(ingestFiles()).isEmpty();
    }

    @Test
    void refusesBytesBeyondTheAnnouncedSizeAsTheyArrive() {
        ContentStore store = new ContentStore(root);
        Digest d = Digest.sha256("abc".getBytes());
        try (BlobWriter w = store.writer(d, 3)) {
            w.write("ab".getBytes());
            assertThatThrownBy(() -> w.write("cd".getBytes())).isInstanceOf(ImageException.class)
                    .hasMessageContaining("larger than the 3 bytes");
        }
        assertThat(store.contains(d)).isFalse();
    }

    @Test
    void resetStartsOver() {
        ContentStore store = new ContentStore(root);
        Digest d = Digest.sha256("abc".getBytes());
        try (BlobWriter w = store.writer(d, 3)) {
            w.write("zz".getBytes());
            w.reset();
            w.write("abc".getBytes());
            w.commit();
        }
        assertThat(store.read(d, 3)).isEqualTo("abc".getBytes());
    }

    @Test
    void concurrentWritersOfOneBlobNeverCorruptIt() throws Exception {
        ContentStore store = new ContentStore(root);
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(content);
        Digest d = Digest.sha256(content);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try (BlobWriter w = store.writer(d, content.length)) {
                        if (w.alreadyPresent()) return false;
                        for (int off = 0; off < content.length; off += 4096) {
                            w.write(content, off, Math.min(4096, content.length - off));
                        }
                        w.commit();
                        return true;
                    }
                }));
            }
            start.countDown();
            int wrote = 0;
            for (Future<Boolean> f : results) if (f.get()) wrote++;
            assertThat(wrote).isEqualTo(1);
        }
        assertThat(Files.readAllBytes(store.path(d))).isEqualTo(content);
        assertThat(ingestFiles()).isEmpty();
    }

    @Test
    void deleteRemovesAndAbsentIsFine() {
        ContentStore store = new ContentStore(root);
        Digest d = store.put("gone".getBytes());
        store.delete(d);
        store.delete(d);
        assertThat(store.contains(d)).isFalse();
        assertThatThrownBy(() -> store.open(d)).isInstanceOfSatisfying(ImageException.class,
                e -> assertThat(e.kind()).isEqualTo(ImageException.Kind.NOT_FOUND));
    }

    @Test
    void sweepsIngestLeftovers() throws IOException {
        ContentStore store = new ContentStore(root);
        Files.writeString(root.resolve("ingest/sha256-" + "a".repeat(64)), "half");
        store.removeAbandonedIngests();
        assertThat(ingestFiles()).isEmpty();
    }

    private List<Path> ingestFiles() {
        try (Stream<Path> s = Files.list(root.resolve("ingest"))) {
            return s.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
