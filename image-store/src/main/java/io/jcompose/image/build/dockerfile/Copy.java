package io.jcompose.image.build.dockerfile;

import java.util.List;
import java.util.function.Function;

/**
 * {@code COPY [--from=S] [--chown=U:G] [--chmod=M] [--link] [--exclude=P]… src… dest}.
 *
 * @param sources  the source paths or globs (heredoc sources are not among them: they are in {@code heredocs})
 * @param from     the {@code --from} value (a stage name, a stage index or an image), or null
 * @param heredocs the files given inline ({@code COPY <<EOF /dest}); each heredoc's name is its file name
 */
public record Copy(int line, String text, List<String> sources, String dest, String from, String chown,
                   String chmod, boolean link, List<String> excludes, List<Heredoc> heredocs) implements Instruction {
    public Copy {
        sources = List.copyOf(sources);
        excludes = List.copyOf(excludes);
        heredocs = List.copyOf(heredocs);
    }

    @Override
    public Copy expand(Function<String, String> lookup, char escape) {
        return new Copy(line, text, ShellWords.expandAll(sources, lookup, escape, line),
                ShellWords.expand(dest, lookup, escape, line), ShellWords.expandNullable(from, lookup, escape, line),
                ShellWords.expandNullable(chown, lookup, escape, line),
                ShellWords.expandNullable(chmod, lookup, escape, line), link,
                ShellWords.expandAll(excludes, lookup, escape, line), heredocs);
    }
}
