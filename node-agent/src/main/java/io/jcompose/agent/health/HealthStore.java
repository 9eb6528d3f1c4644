package io.jcompose.agent.health;

import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.state.StateDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each container's last health state in the agent's database, so that an agent restart does not
 * send a healthy container back to {@code starting}. A row belongs to one run of its container: it
 * carries the run's start time, and a state saved for an earlier run is not restored. The table is
 * created when missing (a database of an earlier agent opens unchanged, no schema version is
 * bumped); rows go with their container through the foreign key.
 */
public final class HealthStore implements AutoCloseable {
    /** A saved state and the start of the run it is about. */
    public record Saved(Instant runStartedAt, HealthState state) {
    }

    /** The JSON form of one probe in the {@code log} column. */
    record ProbeRow(String start, String end, int exitCode, String output) {
    }

    private final Connection db;

    private HealthStore(Connection db) {
        this.db = db;
    }

    public static HealthStore open(Path database) {
        return new HealthStore(StateDatabase.open(database, "the health state",
                "PRAGMA foreign_keys=ON",
                // A write per probe: in WAL mode NORMAL may lose the last probes on a power cut, never
                // corrupt the database; the next probe rewrites the row anyway.
                "PRAGMA synchronous=NORMAL",
                """
                        CREATE TABLE IF NOT EXISTS health_state (
                          container_id TEXT PRIMARY KEY REFERENCES containers(id) ON DELETE CASCADE,
                          run_started_at TEXT NOT NULL,
                          status TEXT NOT NULL,
                          failing_streak INTEGER NOT NULL,
                          log TEXT NOT NULL)"""));
    }

    /** Saves the state of the run started at {@code runStartedAt}; a container removed meanwhile is ignored. */
    public synchronized void put(String id, Instant runStartedAt, HealthState state) {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO health_state (container_id, run_started_at, "
                + "status, failing_streak, log) VALUES (?,?,?,?,?) ON CONFLICT(container_id) DO UPDATE SET "
                + "run_started_at=excluded.run_started_at, status=excluded.status, "
                + "failing_streak=excluded.failing_streak, log=excluded.log")) {
            ps.setString(1, id);
            ps.setString(2, runStartedAt.toString());
            ps.setString(3, state.status().name());
            ps.setInt(4, state.failingStreak());
            ps.setString(5, WireJson.text(state.log().stream().map(p -> new ProbeRow(p.start().toString(),
                    p.end().toString(), p.exitCode(), p.output())).toList()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("FOREIGN KEY")) {
                throw AgentException.internal("saving the health state of " + id + " failed: " + e.getMessage(), e);
            }
        }
    }

    public synchronized Optional<Saved> get(String id) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT run_started_at, status, failing_streak, log FROM health_state WHERE container_id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Probe> log = List.of(WireJson.read(rs.getString(4), ProbeRow[].class)).stream()
                        .map(p -> new Probe(Instant.parse(p.start()), Instant.parse(p.end()), p.exitCode(), p.output()))
                        .toList();
                return Optional.of(new Saved(Instant.parse(rs.getString(1)),
                        new HealthState(HealthState.Status.valueOf(rs.getString(2)), rs.getInt(3), log)));
            }
        } catch (SQLException | RuntimeException e) {
            // An unreadable row costs only the remembered health: the container starts over at starting.
            return Optional.empty();
        }
    }

    public synchronized void remove(String id) {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM health_state WHERE container_id=?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw AgentException.internal("removing the health state of " + id + " failed: " + e.getMessage(), e);
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
