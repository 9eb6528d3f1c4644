package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/** {@code CMD ["exec", "form"]} or {@code CMD shell form}. */
public record Cmd(int line, String text, Command command) implements Instruction {
    /** The container's shell expands CMD. */
    @Override
    public Cmd expand(Function<String, String> lookup, char escape) {
        return this;
    }
}
