package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/**
 * A here-document attached to RUN, COPY or ADD.
 *
 * @param name    the delimiter word, quotes removed (for COPY/ADD it is the file name)
 * @param content the body, each line ending with a newline; with {@code chomp} its leading tabs are already
 *                removed
 * @param expand  false when the delimiter was quoted ({@code <<"EOF"}): the body is then taken literally
 * @param chomp   true for {@code <<-EOF}
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp) {
    /**
     * The body of a COPY/ADD heredoc file as it is written: with {@code expand}, {@code $VAR} forms replaced
     * and backslash escapes processed while quotes stay as they are; without, the body as it is. (A RUN
     * heredoc is handed to the shell, which expands it itself.)
     *
     * @param lookup the value of a variable, null when it is unset
     */
    public String expandedContent(Function<String, String> lookup) {
        return expand ? ShellWords.expandKeepingQuotes(content, lookup, 0) : content;
    }
}
