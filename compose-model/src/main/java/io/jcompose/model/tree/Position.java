package io.jcompose.model.tree;

/**
 * Where a node came from: file, 1-based line and column. {@link #UNKNOWN} for nodes the loader made
 * itself (defaults, canonical-form expansions without a source).
 */
public record Position(String file, int line, int column) {
    public static final Position UNKNOWN = new Position("", 0, 0);

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? file + ":" + line + ":" + column : file;
    }
}
