package io.jcompose.network.state;

import io.jcompose.json.TreeJson;
import io.jcompose.network.NetworkException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import tools.jackson.core.JacksonException;

/**
 * The manager's state in {@code DIR/network-state.json}. Writes are atomic: a temporary file in the
 * same directory, its data flushed to disk, then renamed over the old one. A crash leaves either
 * the old or the new state, never a torn one, and leases survive a restart.
 *
 * <p>The directory is deliberately not flushed after the rename (it would be a second disk sync
 * on every attach): if the host itself goes down right after a change, the rename may be lost and
 * the previous state comes back. That is safe, because a host crash ends every container and
 * empties /run, and {@code cleanupLeftovers} reconciles whatever the older state still lists.
 */
public final class StateStore {

    public static final String FILE_NAME = "network-state.json";

    private final Path dir;
    private final Path file;

    public StateStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.file = this.dir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved state, or the empty state when nothing was saved yet. */
    public ManagerState load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return ManagerState.empty();
        } catch (IOException e) {
            throw NetworkException.failed("read " + file, e);
        }
        try {
            return StateCodec.read(TreeJson.read(bytes));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new NetworkException(NetworkException.Kind.FAILED_PRECONDITION,
                    "failed to read " + file + ": " + e.getMessage()
                            + " — move the file away to start with no networks (the leftover sweep then removes what it described)", e);
        }
    }

    public void save(ManagerState state) {
        byte[] bytes = TreeJson.write(StateCodec.write(state), true);
        Path temp = dir.resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(false);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw NetworkException.failed("replace " + file, "the state directory does not support atomic renames");
            }
        } catch (IOException e) {
            throw NetworkException.failed("write " + file, e);
        }
    }
}
