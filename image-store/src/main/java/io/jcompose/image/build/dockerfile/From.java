package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/**
 * {@code FROM [--platform=P] image [AS name]}.
 *
 * @param image    as written: an image reference (may hold {@code ${V}}), {@code scratch}, or an earlier stage's name
 * @param platform the {@code --platform} value, or null
 * @param alias    the lower-cased stage name, or null
 */
public record From(int line, String text, String image, String platform, String alias) implements Instruction {
    @Override
    public From expand(Function<String, String> lookup, char escape) {
        return new From(line, text, ShellWords.expand(image, lookup, escape, line),
                ShellWords.expandNullable(platform, lookup, escape, line), alias);
    }
}
