package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --name=value} words at the start of an instruction's arguments, and the arguments after them.
 * Quotes in flag words are removed and a backslash escapes the next character, as Docker does; the first word
 * not starting with {@code --} (or a lone {@code --}) ends the flags. Each instruction then declares which
 * flags it accepts: any other is an error.
 */
final class Flags {
    record Flag(String name, String value /* null when written without '=' */) {}

    private final List<Flag> flags;
    private final String rest;
    private final boolean[] used;

    private Flags(List<Flag> flags, String rest) {
        this.flags = flags;
        this.rest = rest;
        this.used = new boolean[flags.size()];
    }

    /** What is left after the flags, trimmed. */
    String rest() {
        return rest;
    }

    boolean isEmpty() {
        return flags.isEmpty();
    }

    static Flags extract(String args) {
        List<Flag> out = new ArrayList<>(0);
        int n = args.length();
        int pos = 0;
        while (true) {
            while (pos < n && Character.isWhitespace(args.charAt(pos))) {
                pos++;
            }
            if (pos + 1 >= n || args.charAt(pos) != '-' || args.charAt(pos + 1) != '-') {
                return new Flags(out, args.substring(Math.min(pos, n)).strip());
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            int start = pos;
            for (; pos < n; pos++) {
                char c = args.charAt(pos);
                if (quote == 0 && Character.isWhitespace(c)) {
                    break;
                }
                if (quote == 0 && (c == '\'' || c == '"')) {
                    quote = c;
                    continue;
                }
                if (quote != 0 && c == quote) {
                    quote = 0;
                    continue;
                }
                if (c == '\\') {
                    if (pos + 1 == n) {
                        continue;
                    }
                    c = args.charAt(++pos);
                }
                word.append(c);
            }
            if (pos - start == 2) { // a lone "--" ends the flags and is dropped
                return new Flags(out, args.substring(pos).strip());
            }
            String w = word.substring(2);
            int eq = w.indexOf('=');
            out.add(eq < 0 ? new Flag(w, null) : new Flag(w.substring(0, eq), w.substring(eq + 1)));
        }
    }

    /** The value of a flag given at most once, or null. */
    String string(String name, ParseContext ctx) {
        String value = null;
        for (int i = 0; i < flags.size(); i++) {
            Flag f = flags.get(i);
            if (f.name().equals(name)) {
                if (used[i] || value != null) {
                    throw ctx.error("--" + name + " is given more than once", "keep one --" + name);
                }
                if (f.value() == null) {
                    throw ctx.error("--" + name + " needs a value", "write --" + name + "=VALUE");
                }
                used[i] = true;
                value = f.value();
            }
        }
        return value;
    }

    /** Every value of a repeatable flag ({@code --mount}, {@code --exclude}), in order. */
    List<String> strings(String name, ParseContext ctx) {
        List<String> out = new ArrayList<>(0);
        for (int i = 0; i < flags.size(); i++) {
            Flag f = flags.get(i);
            if (f.name().equals(name)) {
                if (f.value() == null) {
                    throw ctx.error("--" + name + " needs a value", "write --" + name + "=VALUE");
                }
                used[i] = true;
                out.add(f.value());
            }
        }
        return out;
    }

    /** A boolean flag: {@code --link}, {@code --link=true}, {@code --link=false}. */
    boolean bool(String name, ParseContext ctx) {
        boolean value = false;
        boolean seen = false;
        for (int i = 0; i < flags.size(); i++) {
            Flag f = flags.get(i);
            if (f.name().equals(name)) {
                if (seen) {
                    throw ctx.error("--" + name + " is given more than once", "keep one --" + name);
                }
                seen = true;
                used[i] = true;
                String v = f.value() == null ? "true" : f.value().toLowerCase(Locale.ROOT);
                value = switch (v) {
                    case "", "true" -> true;
                    case "false" -> false;
                    default -> throw ctx.error("--" + name + " expects true or false, not \"" + f.value() + "\"",
                            "write --" + name + " or --" + name + "=false");
                };
            }
        }
        return value;
    }

    /** Fails on the first flag no accessor asked for; {@code accepted} lists the flags for the fix. */
    void rejectUnknown(Keyword keyword, String accepted, ParseContext ctx) {
        for (int i = 0; i < flags.size(); i++) {
            if (!used[i]) {
                throw ctx.error("unknown flag --" + flags.get(i).name() + " for " + keyword,
                        accepted.isEmpty() ? keyword + " takes no flags" : keyword + " accepts " + accepted);
            }
        }
    }
}
