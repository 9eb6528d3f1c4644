package io.jcompose.agent.state;

import io.jcompose.agent.error.AgentException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection of its own to the agent's state database, as each store (containers, restarts, health, volumes)
 * opens it: a writer waits up to 5 s for another connection's lock, then the store's own settings and schema.
 */
public final class StateDatabase {
    private StateDatabase() {
    }

    /**
     * @param what       what the store keeps, for the error ("the health state")
     * @param statements the store's pragmas and {@code CREATE TABLE IF NOT EXISTS} statements, in order
     */
    public static Connection open(Path database, String what, String... statements) {
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + database);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            return db;
        } catch (SQLException e) {
            if (db != null) {
                try {
                    db.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw AgentException.unavailable("cannot open " + what + " in " + database + ": " + e.getMessage(),
                    "check that the data root is writable by root");
        }
    }
}
