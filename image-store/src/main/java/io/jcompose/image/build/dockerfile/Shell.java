package io.jcompose.image.build.dockerfile;

import java.util.List;
import java.util.function.Function;

/** {@code SHELL ["executable", "params"]}: JSON form only, as Docker requires. */
public record Shell(int line, String text, List<String> shell) implements Instruction {
    public Shell {
        shell = List.copyOf(shell);
    }

    @Override
    public Shell expand(Function<String, String> lookup, char escape) {
        return this;
    }
}
