package io.jcompose.image.build.dockerfile;

import java.util.List;
import java.util.function.Function;

/** {@code VOLUME ["/a", "/b"]} or {@code VOLUME /a /b}. */
public record Volume(int line, String text, List<String> paths) implements Instruction {
    public Volume {
        paths = List.copyOf(paths);
    }

    @Override
    public Volume expand(Function<String, String> lookup, char escape) {
        return new Volume(line, text, ShellWords.expandAll(paths, lookup, escape, line));
    }
}
