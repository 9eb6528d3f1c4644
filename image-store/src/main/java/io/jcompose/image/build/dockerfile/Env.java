package io.jcompose.image.build.dockerfile;

import java.util.List;
import java.util.function.Function;

/**
 * {@code ENV k=v …} or the legacy {@code ENV k v w} (one pair, the value being the rest of the line). Every
 * pair is expanded with the variables as they were before this instruction, as Docker does.
 */
public record Env(int line, String text, List<KeyValue> pairs) implements Instruction {
    public Env {
        pairs = List.copyOf(pairs);
    }

    @Override
    public Env expand(Function<String, String> lookup, char escape) {
        return new Env(line, text, ShellWords.expandPairs(pairs, lookup, escape, line));
    }
}
