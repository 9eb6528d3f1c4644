package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/** {@code ENTRYPOINT ["exec", "form"]} or {@code ENTRYPOINT shell form}. */
public record Entrypoint(int line, String text, Command command) implements Instruction {
    /** The container's shell expands ENTRYPOINT. */
    @Override
    public Entrypoint expand(Function<String, String> lookup, char escape) {
        return this;
    }
}
