package io.jcompose.network.state;

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
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's state in {@code DIR/network-state.json}. Writes are atomic (a temporary file in the
 * same directory, flushed to disk, renamed over the old one, then the directory flushed), so a
 * crash leaves either the old or the new state, never a torn one, and leases survive a restart.
 */
public final class StateStore {

    public static final String FILE_NAME = "network-state.json";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

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
            return StateCodec.read(JSON.readTree(bytes));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new NetworkException(NetworkException.Kind.FAILED_PRECONDITION,
                    "failed to read " + file + ": " + e.getMessage()
                            + " — move the file away to start with no networks (the leftover sweep then removes what it described)", e);
        }
    }

    public void save(ManagerState state) {
        byte[] bytes = JSON.writeValueAsBytes(StateCodec.write(state));
        Path temp = dir.resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw NetworkException.failed("replace " + file, "the state directory does not support atomic renames");
            }
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw NetworkException.failed("write " + file, e);
        }
    }
}
