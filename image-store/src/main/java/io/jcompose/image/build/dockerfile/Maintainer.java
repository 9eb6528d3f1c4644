package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/** {@code MAINTAINER name} (deprecated in Docker, still accepted; the builder records it as the author). */
public record Maintainer(int line, String text, String name) implements Instruction {
    @Override
    public Maintainer expand(Function<String, String> lookup, char escape) {
        return this;
    }
}
