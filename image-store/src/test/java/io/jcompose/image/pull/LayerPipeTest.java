package io.jcompose.image.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LayerPipeTest {
    @Test
    void carriesEveryByteInOrderAndEndsAfterFinish() throws Exception {
        byte[] data = new byte[5 << 20];
        new Random(3).nextBytes(data);
        LayerPipe pipe = new LayerPipe();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = pipe.input()) {
                return in.readAllBytes();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        for (int off = 0; off < data.length; off += 70_000) pipe.write(data, off, Math.min(70_000, data.length - off));
        pipe.finish(true);
        assertThat(read.get()).isEqualTo(data);
    }

    @Test
    void aRestartedDownloadBreaksThePipe() {
        LayerPipe pipe = new LayerPipe();
        pipe.write(new byte[10], 0, 10);
        pipe.reset();
        pipe.write(new byte[10], 0, 10);
        assertThatThrownBy(() -> pipe.input().readAllBytes()).isInstanceOf(LayerPipe.BrokenException.class);
    }

    @Test
    void aFailedDownloadBreaksThePipe() {
        LayerPipe pipe = new LayerPipe();
        pipe.finish(false);
        assertThatThrownBy(() -> pipe.input().read()).isInstanceOf(LayerPipe.BrokenException.class);
    }

    @Test
    void anAbandonedPipeNeverBlocksTheDownload() {
        LayerPipe pipe = new LayerPipe();
        pipe.abandon();
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 200; i++) pipe.write(chunk, 0, chunk.length); // far beyond the pipe's capacity
        pipe.finish(true);
    }
}
