package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/** {@code WORKDIR path}. */
public record Workdir(int line, String text, String path) implements Instruction {
    @Override
    public Workdir expand(Function<String, String> lookup, char escape) {
        return new Workdir(line, text, ShellWords.expand(path, lookup, escape, line));
    }
}
