package io.jcompose.model.merge;

import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.YamlPath;

/**
 * How one attribute merges an override value over an earlier one. Called only when both sides hold
 * the attribute; {@code base} is tag-free and the override's own tag has already been handled, but
 * values below the override's top may still carry {@code !reset}/{@code !override} tags.
 */
@FunctionalInterface
interface MergeStrategy {
    Node merge(Node base, Node override, YamlPath path);
}
