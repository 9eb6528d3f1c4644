package io.jcompose.image.build.dockerfile;

import java.util.List;
import java.util.function.Function;

/**
 * {@code ADD [--chown=U:G] [--chmod=M] [--checksum=D] [--link] [--exclude=P]… src… dest}. Like {@link Copy},
 * heredoc sources are in {@code heredocs}, not in {@code sources}.
 */
public record Add(int line, String text, List<String> sources, String dest, String chown, String chmod,
                  String checksum, boolean link, List<String> excludes, List<Heredoc> heredocs) implements Instruction {
    public Add {
        sources = List.copyOf(sources);
        excludes = List.copyOf(excludes);
        heredocs = List.copyOf(heredocs);
    }

    @Override
    public Add expand(Function<String, String> lookup, char escape) {
        return new Add(line, text, ShellWords.expandAll(sources, lookup, escape, line),
                ShellWords.expand(dest, lookup, escape, line), ShellWords.expandNullable(chown, lookup, escape, line),
                ShellWords.expandNullable(chmod, lookup, escape, line),
                ShellWords.expandNullable(checksum, lookup, escape, line), link,
                ShellWords.expandAll(excludes, lookup, escape, line), heredocs);
    }
}
