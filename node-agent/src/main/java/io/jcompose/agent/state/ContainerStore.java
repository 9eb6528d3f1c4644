package io.jcompose.agent.state;

import io.jcompose.agent.error.AgentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's durable record of containers, in SQLite (WAL, full sync). Every method is one
 * transaction, so a SIGKILL at any point leaves each container either fully recorded or absent;
 * the reconciler then compares the rows with what the runtime really runs.
 *
 * <p>Example: {@code store.insert(row)} on create; {@code store.update(row.withState(...))} on start and
 * on exit; {@code store.delete(id)} on remove.
 */
public final class ContainerStore implements AutoCloseable {
    private static final int SCHEMA_VERSION = 1;
    private static final String COLUMNS =
            "id, name, spec, state, pid, exit_code, oom_killed, created_at, started_at, finished_at, image_id";

    private final Connection db;

    private ContainerStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating when absent) the database file and brings its schema up to date. */
    public static ContainerStore open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            // State changes (started, exited) are not synced to the disk one by one (see insert and delete):
            // a host crash stops every container anyway, and the reconciler derives their exits again.
            Connection db = StateDatabase.open(file, "the state database", "PRAGMA journal_mode=WAL",
                    "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON");
            ContainerStore store = new ContainerStore(db);
            store.migrate();
            store.addImageColumn();
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw AgentException.unavailable("cannot open the state database " + file + ": " + e.getMessage(),
                    "check that the data root is writable by root");
        }
    }

    private void migrate() throws SQLException {
        try (Statement s = db.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.getInt(1);
            }
            if (version > SCHEMA_VERSION) {
                throw AgentException.unavailable("the state database has schema " + version
                        + ", newer than this agent's " + SCHEMA_VERSION, "run a newer agent");
            }
            if (version == SCHEMA_VERSION) {
                return;
            }
            db.setAutoCommit(false);
            s.execute("""
                    CREATE TABLE containers (
                      id TEXT PRIMARY KEY,
                      name TEXT NOT NULL UNIQUE,
                      spec TEXT NOT NULL,
                      state TEXT NOT NULL,
                      pid INTEGER NOT NULL DEFAULT 0,
                      exit_code INTEGER,
                      oom_killed INTEGER NOT NULL DEFAULT 0,
                      created_at TEXT NOT NULL,
                      started_at TEXT,
                      finished_at TEXT)""");
            s.execute("""
                    CREATE TABLE container_labels (
                      container_id TEXT NOT NULL REFERENCES containers(id) ON DELETE CASCADE,
                      key TEXT NOT NULL,
                      value TEXT NOT NULL,
                      PRIMARY KEY (container_id, key))""");
            s.execute("CREATE INDEX labels_by_key ON container_labels(key, value)");
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * Databases written before containers could come from images lack {@code image_id}; adding the
     * nullable column keeps them readable by this agent and by the older one (which names its columns).
     */
    private void addImageColumn() throws SQLException {
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(containers)")) {
                while (rs.next()) {
                    if (rs.getString("name").equals("image_id")) {
                        return;
                    }
                }
            }
            s.execute("ALTER TABLE containers ADD COLUMN image_id TEXT");
        }
    }

    /** Records a new container; a taken name or id is ALREADY_EXISTS and changes nothing. */
    public synchronized void insert(ContainerRow row) {
        try {
            synced(true);
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO containers (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                bind(ps, row);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO container_labels (container_id, key, value) VALUES (?,?,?)")) {
                for (Map.Entry<String, String> label : row.labels().entrySet()) {
                    ps.setString(1, row.id());
                    ps.setString(2, label.getKey());
                    ps.setString(3, label.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw AgentException.alreadyExists("a container named \"" + row.name() + "\" already exists",
                        "remove it first or choose another name");
            }
            throw failure("insert", e);
        } finally {
            autoCommit();
            syncedQuietly(false);
        }
    }

    /** Saves the mutable columns (state, pid, exit code, OOM flag, times) of an existing row. */
    public synchronized void update(ContainerRow row) {
        try (PreparedStatement ps = db.prepareStatement("UPDATE containers SET state=?, pid=?, exit_code=?, "
                + "oom_killed=?, started_at=?, finished_at=? WHERE id=?")) {
            ps.setString(1, row.state());
            ps.setInt(2, row.pid());
            setNullableInt(ps, 3, row.exitCode());
            ps.setInt(4, row.oomKilled() ? 1 : 0);
            ps.setString(5, text(row.startedAt()));
            ps.setString(6, text(row.finishedAt()));
            ps.setString(7, row.id());
            if (ps.executeUpdate() != 1) {
                throw AgentException.notFound("no container " + row.id() + " in the store", null);
            }
        } catch (SQLException e) {
            throw failure("update", e);
        }
    }

    /**
     * Whether commits reach the disk before they return (SQLite's synchronous FULL) rather than at the next sync
     * (NORMAL, still atomic and safe against an agent crash). A container's creation and removal are commit points
     * for files on disk — the container directory is written before the row and deleted after it — so they are
     * synced; the syncing also carries every change committed before. A state change is not: after a host crash
     * every container has stopped, and the reconciler records their exits from the runtime and conmon's files.
     */
    private void synced(boolean full) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        }
    }

    private void syncedQuietly(boolean full) {
        try {
            synced(full);
        } catch (SQLException e) {
            // the next change sets it again
        }
    }

    /** Forgets a container and its labels; absent is fine. */
    public synchronized void delete(String id) {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM containers WHERE id=?")) {
            synced(true);
            ps.setString(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete", e);
        } finally {
            syncedQuietly(false);
        }
    }

    /** Whether a container with this full id exists: one statement, where {@link #find} also reads its labels. */
    public synchronized boolean exists(String id) {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM containers WHERE id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    public synchronized Optional<ContainerRow> find(String id) {
        List<ContainerRow> rows = query("SELECT " + COLUMNS + " FROM containers WHERE id=?", List.of(id));
        return rows.stream().findFirst();
    }

    /**
     * A container by full id, name, or unique id prefix (at least 4 characters), as Docker resolves
     * references.
     */
    public synchronized Optional<ContainerRow> resolve(String ref) {
        List<ContainerRow> exact = query("SELECT " + COLUMNS + " FROM containers WHERE id=? OR name=?", List.of(ref, ref));
        if (!exact.isEmpty()) {
            return exact.stream().filter(r -> r.id().equals(ref)).findFirst().or(() -> Optional.of(exact.getFirst()));
        }
        if (ref.length() < 4 || !ref.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        List<ContainerRow> prefixed = query("SELECT " + COLUMNS + " FROM containers WHERE id LIKE ?", List.of(ref + "%"));
        if (prefixed.size() > 1) {
            throw AgentException.invalid("\"" + ref + "\" matches " + prefixed.size() + " containers",
                    "give more characters of the id, or the name");
        }
        return prefixed.stream().findFirst();
    }

    /** Containers having every label of {@code filters}, oldest first. */
    public synchronized List<ContainerRow> list(List<LabelFilter> filters) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM containers");
        List<String> args = new ArrayList<>();
        String glue = " WHERE ";
        for (LabelFilter f : filters) {
            sql.append(glue).append("id IN (SELECT container_id FROM container_labels WHERE key=?");
            args.add(f.key());
            if (f.value() != null) {
                sql.append(" AND value=?");
                args.add(f.value());
            }
            sql.append(')');
            glue = " AND ";
        }
        sql.append(" ORDER BY created_at, id");
        return query(sql.toString(), args);
    }

    private List<ContainerRow> query(String sql, List<String> args) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            List<ContainerRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ContainerRow(rs.getString(1), rs.getString(2), Map.of(), rs.getString(3),
                            rs.getString(4), rs.getInt(5), (Integer) rs.getObject(6), rs.getInt(7) != 0,
                            instant(rs.getString(8)), instant(rs.getString(9)), instant(rs.getString(10)),
                            rs.getString(11)));
                }
            }
            return withLabels(rows);
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    private List<ContainerRow> withLabels(List<ContainerRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, String>> labels = new HashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT container_id, key, value FROM container_labels WHERE container_id IN (" + marks + ") ORDER BY key")) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setString(i + 1, rows.get(i).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<ContainerRow> out = new ArrayList<>(rows.size());
        for (ContainerRow r : rows) {
            out.add(new ContainerRow(r.id(), r.name(), labels.getOrDefault(r.id(), Map.of()), r.specJson(), r.state(),
                    r.pid(), r.exitCode(), r.oomKilled(), r.createdAt(), r.startedAt(), r.finishedAt(), r.imageId()));
        }
        return out;
    }

    private static void bind(PreparedStatement ps, ContainerRow row) throws SQLException {
        ps.setString(1, row.id());
        ps.setString(2, row.name());
        ps.setString(3, row.specJson());
        ps.setString(4, row.state());
        ps.setInt(5, row.pid());
        setNullableInt(ps, 6, row.exitCode());
        ps.setInt(7, row.oomKilled() ? 1 : 0);
        ps.setString(8, text(row.createdAt()));
        ps.setString(9, text(row.startedAt()));
        ps.setString(10, text(row.finishedAt()));
        ps.setString(11, row.imageId());
    }

    private static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException e) {
            // The original failure is the one worth reporting.
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure("reset autocommit", e);
        }
    }

    private static AgentException failure(String what, SQLException e) {
        return AgentException.internal("state database " + what + " failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // Closing at shutdown: WAL content is already durable.
        }
    }
}
