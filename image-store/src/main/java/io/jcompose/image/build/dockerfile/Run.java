package io.jcompose.image.build.dockerfile;

import java.util.List;
import java.util.function.Function;

/**
 * {@code RUN [--network=N] [--mount=M]… command}. A shell-form script naming heredocs ({@code RUN <<EOF},
 * {@code RUN python3 <<EOF}) keeps the heredoc words; their bodies are in {@code heredocs}, in order.
 *
 * @param network the {@code --network} value, or null
 * @param mounts  the raw {@code --mount} values, in order
 */
public record Run(int line, String text, Command command, List<Heredoc> heredocs, String network,
                  List<String> mounts) implements Instruction {
    public Run {
        heredocs = List.copyOf(heredocs);
        mounts = List.copyOf(mounts);
    }

    /** The shell in the container expands RUN's command. */
    @Override
    public Run expand(Function<String, String> lookup, char escape) {
        return this;
    }
}
