package io.jcompose.agent.restart;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.state.StateDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The durable part of restart supervision, in the agent's database: per container, how often the
 * policy restarted it and whether the user stopped it (which {@code unless-stopped} needs after an
 * agent restart). Its table is created when missing, so a database from an earlier agent opens
 * unchanged; rows go with their container through the foreign key.
 */
public final class RestartStore implements AutoCloseable {
    /** What is kept for one container. */
    public record Entry(int restartCount, boolean stoppedByUser) {
        public static final Entry NEW = new Entry(0, false);
    }

    private final Connection db;

    private RestartStore(Connection db) {
        this.db = db;
    }

    /**
     * Its writes are not synced to the disk one by one (synchronous NORMAL: atomic, and safe against an agent
     * crash), as the container store's state changes are not: every stop wrote one here, and its sync (a few
     * milliseconds, the database's writer held meanwhile) was a good part of each link of a chain of stops. A host
     * crash loses at most the changes since the database's last sync (the next creation or removal of a container
     * syncs the shared log, and these with it).
     */
    public static RestartStore open(Path database) {
        return new RestartStore(StateDatabase.open(database, "the restart state",
                "PRAGMA foreign_keys=ON",
                "PRAGMA synchronous=NORMAL",
                """
                        CREATE TABLE IF NOT EXISTS restart_state (
                          container_id TEXT PRIMARY KEY REFERENCES containers(id) ON DELETE CASCADE,
                          restart_count INTEGER NOT NULL DEFAULT 0,
                          stopped_by_user INTEGER NOT NULL DEFAULT 0)"""));
    }

    public synchronized Entry get(String id) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT restart_count, stopped_by_user FROM restart_state WHERE container_id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Entry(rs.getInt(1), rs.getInt(2) != 0) : Entry.NEW;
            }
        } catch (SQLException e) {
            throw AgentException.internal("reading the restart state of " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Saves the entry; a container removed meanwhile is ignored (its row would violate the foreign key). */
    public synchronized void put(String id, Entry entry) {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO restart_state (container_id, restart_count, "
                + "stopped_by_user) VALUES (?,?,?) ON CONFLICT(container_id) DO UPDATE SET "
                + "restart_count=excluded.restart_count, stopped_by_user=excluded.stopped_by_user")) {
            ps.setString(1, id);
            ps.setInt(2, entry.restartCount());
            ps.setInt(3, entry.stoppedByUser() ? 1 : 0);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("FOREIGN KEY")) {
                throw AgentException.internal("saving the restart state of " + id + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Optional for symmetry with the container's removal: the foreign key already cascades. */
    public synchronized Optional<Entry> remove(String id) {
        Entry before = get(id);
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM restart_state WHERE container_id=?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1 ? Optional.of(before) : Optional.empty();
        } catch (SQLException e) {
            throw AgentException.internal("removing the restart state of " + id + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // Shutdown: every write was committed already.
        }
    }
}
