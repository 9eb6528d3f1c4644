package io.jcompose.image.build.dockerfile;

import java.util.List;
import java.util.function.Function;

/** {@code EXPOSE 80 53/udp …}: ports as written ("80", "53/udp", "8000-8010"). */
public record Expose(int line, String text, List<String> ports) implements Instruction {
    public Expose {
        ports = List.copyOf(ports);
    }

    @Override
    public Expose expand(Function<String, String> lookup, char escape) {
        return new Expose(line, text, ShellWords.expandAll(ports, lookup, escape, line));
    }
}
