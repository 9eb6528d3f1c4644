package io.jcompose.image.build.dockerfile;

import java.util.List;
import java.util.function.Function;

/** {@code LABEL k=v …} (or the legacy {@code LABEL k v}). */
public record Label(int line, String text, List<KeyValue> pairs) implements Instruction {
    public Label {
        pairs = List.copyOf(pairs);
    }

    @Override
    public Label expand(Function<String, String> lookup, char escape) {
        return new Label(line, text, ShellWords.expandPairs(pairs, lookup, escape, line));
    }
}
