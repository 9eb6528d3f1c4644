package io.jcompose.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.error.AgentException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec fifo hand-shake of a runc-created container, with a shell playing the blocked init. */
class ExecFifoTest {
    @TempDir
    Path dir;

    private Path fifo() throws Exception {
        Path fifo = dir.resolve(ExecFifo.NAME);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    @Test
    void aReaderLetsTheWaitingInitGoOnAndTheFifoIsRemoved() throws Exception {
        Path fifo = fifo();
        Path ran = dir.resolve("ran");
        // as runc's init: block opening the fifo for writing, write one byte, then go on
        Process init = new ProcessBuilder("sh", "-c", "echo 0 > " + fifo + " && touch " + ran).start();
        ExecFifo.release(fifo, (int) init.pid(), "c1");
        assertThat(init.waitFor()).isZero();
        assertThat(ran).exists();
        assertThat(fifo).doesNotExist();
    }

    @Test
    void aDeadInitFailsTheStartInsteadOfBlockingIt() throws Exception {
        Path fifo = fifo();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertThatThrownBy(() -> ExecFifo.release(fifo, (int) gone.pid(), "c2"))
                .isInstanceOf(AgentException.class).hasMessageContaining("already dead");
        assertThat(Files.exists(fifo)).as("a failed start leaves the runtime's state alone").isTrue();
    }
}
