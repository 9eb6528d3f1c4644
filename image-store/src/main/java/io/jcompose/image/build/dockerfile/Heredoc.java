package io.jcompose.image.build.dockerfile;

/**
 * A here-document attached to RUN, COPY or ADD.
 *
 * @param name    the delimiter word, quotes removed (for COPY/ADD it is the file name)
 * @param content the body, each line ending with a newline; with {@code chomp} its leading tabs are already
 *                removed
 * @param expand  false when the delimiter was quoted ({@code <<"EOF"}): the body is then taken literally
 * @param chomp   true for {@code <<-EOF}
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp) {}
