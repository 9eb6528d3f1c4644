package io.jcompose.agent.volume;

import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.state.LabelFilter;
import io.jcompose.agent.state.StateDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Volumes in the agent's database, one row each with labels and driver options as JSON. The table
 * is created when missing, so a database written by an earlier agent opens unchanged.
 */
public final class VolumeStore implements AutoCloseable {
    private final Connection db;

    private VolumeStore(Connection db) {
        this.db = db;
    }

    public static VolumeStore open(Path database) {
        return new VolumeStore(StateDatabase.open(database, "the volume table",
                "PRAGMA synchronous=FULL",
                """
                        CREATE TABLE IF NOT EXISTS volumes (
                          name TEXT PRIMARY KEY,
                          driver TEXT NOT NULL,
                          driver_opts TEXT NOT NULL,
                          labels TEXT NOT NULL,
                          created_at TEXT NOT NULL)"""));
    }

    /** Records a volume; false when the name is taken (nothing changes). */
    public synchronized boolean insert(Volume v) {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO volumes (name, driver, driver_opts, labels, "
                + "created_at) VALUES (?,?,?,?,?) ON CONFLICT(name) DO NOTHING")) {
            ps.setString(1, v.name());
            ps.setString(2, v.driver());
            ps.setString(3, WireJson.text(new LinkedHashMap<>(v.driverOpts())));
            ps.setString(4, WireJson.text(new LinkedHashMap<>(v.labels())));
            ps.setString(5, v.createdAt().toString());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("insert", e);
        }
    }

    public synchronized Optional<Volume> find(String name) {
        return query("SELECT name, driver, driver_opts, labels, created_at FROM volumes WHERE name=?", name).stream()
                .findFirst();
    }

    /** Volumes having every label condition, by name. */
    public synchronized List<Volume> list(List<LabelFilter> filters) {
        return query("SELECT name, driver, driver_opts, labels, created_at FROM volumes ORDER BY name", null).stream()
                .filter(v -> filters.stream().allMatch(f -> v.labels().containsKey(f.key())
                        && (f.value() == null || f.value().equals(v.labels().get(f.key())))))
                .toList();
    }

    public synchronized void delete(String name) {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM volumes WHERE name=?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Volume> query(String sql, String arg) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<Volume> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Volume(rs.getString(1), rs.getString(2), WireJson.read(rs.getString(3), Map.class),
                            WireJson.read(rs.getString(4), Map.class), Instant.parse(rs.getString(5))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    private static AgentException failure(String what, SQLException e) {
        return AgentException.internal("volume table " + what + " failed: " + e.getMessage(), e);
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
