package io.jcompose.model;

import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.YamlPath;

/**
 * The one error a project load reports: {@code FILE:LINE:COL YAML.PATH: what is wrong — how to fix it}.
 * Any part may be missing (a command-line problem has no position); the message is assembled from
 * what is known. Loading stops at the first error; nothing outside the model is changed by a load.
 */
public final class ModelException extends RuntimeException {
    private final Position position;
    private final YamlPath path;
    private final String problem;
    private final String fix;

    public ModelException(Position position, YamlPath path, String problem, String fix) {
        super(format(position, path, problem, fix));
        this.position = position;
        this.path = path;
        this.problem = problem;
        this.fix = fix;
    }

    public ModelException(Position position, YamlPath path, String problem) {
        this(position, path, problem, null);
    }

    public static ModelException of(String problem, String fix) {
        return new ModelException(null, null, problem, fix);
    }

    public Position position() {
        return position;
    }

    public YamlPath path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }

    /** A copy with a position and path filled in where this one had none. */
    public ModelException at(Position newPosition, YamlPath newPath) {
        return new ModelException(position != null && position.isKnown() ? position : newPosition,
                path != null ? path : newPath, problem, fix);
    }

    private static String format(Position position, YamlPath path, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        if (position != null && !position.file().isEmpty()) sb.append(position).append(' ');
        if (path != null && path.depth() > 0) sb.append(path).append(": ");
        else if (!sb.isEmpty()) sb.setLength(sb.length() - 1);
        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') sb.append(": ");
        sb.append(problem);
        if (fix != null && !fix.isBlank()) sb.append(" — ").append(fix);
        return sb.toString();
    }
}
