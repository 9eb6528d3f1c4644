package io.jcompose.network.link;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an {@code ip -batch} script, built from words so that no value is ever split or
 * re-parsed: every word is checked to hold no whitespace or quote characters.
 */
public final class IpBatch {

    private final List<String> lines = new ArrayList<>();

    public IpBatch line(String... words) {
        for (String word : words) {
            if (word.isEmpty() || word.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '#' || c == '\\')) {
                throw new IllegalArgumentException("unsafe word for ip -batch: '" + word + "'");
            }
        }
        lines.add(String.join(" ", words));
        return this;
    }

    public IpBatch line(List<String> words) {
        return line(words.toArray(String[]::new));
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    @Override
    public String toString() {
        return text();
    }
}
