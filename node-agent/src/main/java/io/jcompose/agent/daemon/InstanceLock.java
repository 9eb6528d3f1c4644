package io.jcompose.agent.daemon;

import io.jcompose.agent.error.AgentException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One agent per host: an exclusive lock on a file in the runtime directory. The kernel drops the
 * lock when the process dies, even by SIGKILL, so a crashed agent never blocks its successor.
 */
final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path file) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                lock = null; // this very process already runs an agent on that directory
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw AgentException.unavailable("another agent" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + " is already running with " + file, "stop it first (jcompose agent stop)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            throw AgentException.unavailable("cannot lock " + file + ": " + e.getMessage(), "check that the runtime directory is writable");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The process is ending; the kernel releases the lock anyway.
        }
    }
}
