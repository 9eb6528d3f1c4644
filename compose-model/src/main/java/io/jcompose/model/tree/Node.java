package io.jcompose.model.tree;

/**
 * A positioned, immutable YAML value: the form a compose file keeps through every loading phase
 * until it becomes the typed {@code Project}. Each node remembers where it was written and its
 * explicit tag ({@code !reset}, {@code !override}) if any.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {
    String RESET = "!reset";
    String OVERRIDE = "!override";

    Position position();

    /** The explicit local tag ({@code !reset}, {@code !override}) or {@code null}. */
    String tag();

    Node withTag(String tag);

    /** A short noun for error messages: "a mapping", "a sequence", "a string", "a number"... */
    String kind();
}
