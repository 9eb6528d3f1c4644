package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/** {@code USER user[:group]}. */
public record User(int line, String text, String user) implements Instruction {
    @Override
    public User expand(Function<String, String> lookup, char escape) {
        return new User(line, text, ShellWords.expand(user, lookup, escape, line));
    }
}
