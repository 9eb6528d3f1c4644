package io.jcompose.model.canonical;

import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.YamlPath;

/**
 * Turns one attribute value into its canonical form. Rules are composed into tables (see
 * {@link StructRule}), one entry per compose attribute, so a new attribute is one line.
 */
@FunctionalInterface
interface Rule {
    /**
     * The canonical node for {@code value} found at {@code path}, or {@code null} when compose-go
     * would omit the attribute (Go's {@code omitempty}: empty strings, zero numbers, false, empty
     * collections).
     */
    Node apply(Node value, YamlPath path, RuleContext rc);
}
