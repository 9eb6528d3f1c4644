package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/** {@code STOPSIGNAL SIGTERM} (a name or a number). */
public record StopSignal(int line, String text, String signal) implements Instruction {
    @Override
    public StopSignal expand(Function<String, String> lookup, char escape) {
        return new StopSignal(line, text, ShellWords.expand(signal, lookup, escape, line));
    }
}
