package io.jcompose.model.naming;

import io.jcompose.model.ModelException;
import java.nio.file.Path;

/**
 * The project name, by docker compose's precedence: {@code -p} or COMPOSE_PROJECT_NAME (used as given,
 * and rejected when not already normal), else the top-level {@code name:} of the last file that sets it
 * (normalized), else the project directory's base name (normalized).
 */
public final class ProjectNames {
    private ProjectNames() {
    }

    public static String resolve(String explicit, String fromFiles, Path projectDirectory) {
        if (explicit != null && !explicit.isEmpty()) {
            if (!normalize(explicit).equals(explicit)) {
                throw ModelException.of("invalid project name \"" + explicit + "\": must consist only of lowercase"
                                + " alphanumeric characters, hyphens, and underscores as well as start with a letter"
                                + " or number",
                        "use -p " + suggestion(explicit));
            }
            return explicit;
        }
        String name = fromFiles == null ? "" : normalize(fromFiles);
        if (name.isEmpty()) {
            Path base = projectDirectory.getFileName();
            name = normalize(base == null ? "" : base.toString());
        }
        if (name.isEmpty()) {
            throw ModelException.of("project name must not be empty",
                    "set a top-level name: in the compose file, or pass -p NAME");
        }
        return name;
    }

    /** Lowercase; keep only {@code [a-z0-9_-]}; drop leading {@code _} and {@code -}. */
    public static String normalize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (char c : raw.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                if (sb.isEmpty() && (c == '_' || c == '-')) continue;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String suggestion(String explicit) {
        String n = normalize(explicit);
        return n.isEmpty() ? "myproject" : n;
    }
}
