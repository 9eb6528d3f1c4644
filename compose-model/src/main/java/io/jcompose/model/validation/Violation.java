package io.jcompose.model.validation;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.Position;

/**
 * One schema rule a node breaks, kept cheap (no path string, no exception) because the checker
 * produces and discards many of them while trying the branches of a {@code oneOf}.
 *
 * @param trail   where the offending node is; its depth ranks how far validation got, which is how
 *                the most relevant of several failing branches is chosen
 * @param problem what is wrong, without the path
 * @param fix     how to fix it, or null
 */
record Violation(Position position, Trail trail, String problem, String fix) {
    int depth() {
        return trail.depth();
    }

    ModelException toException() {
        return new ModelException(position, trail.toPath(), problem, fix);
    }
}
