package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One logical line → one typed {@link Instruction}, by the argument rules Docker gives each keyword: JSON or
 * shell form for RUN/CMD/ENTRYPOINT, JSON or words for COPY/ADD/VOLUME, name=value pairs for ENV/LABEL/ARG,
 * the rest of the line for WORKDIR/USER/STOPSIGNAL/MAINTAINER. Words keep their quotes and {@code $VAR}s:
 * {@link Instruction#expand} processes them later, when the variables are known.
 */
final class InstructionParser {
    private static final String DOCS = "see https://docs.docker.com/reference/dockerfile/";

    private InstructionParser() {
    }

    static Instruction parse(LineReader.Logical logical, String source, char escape) {
        return parse(logical.line(), logical.text(), logical.heredocs(), source, escape);
    }

    private static Instruction parse(int line, String text, List<Heredoc> heredocs, String source, char escape) {
        ParseContext ctx = new ParseContext(source, line, escape);
        String word = LineReader.firstWord(text);
        Keyword keyword = Keyword.of(word);
        if (keyword == null) {
            Keyword near = Keyword.nearest(word);
            throw ctx.error("unknown instruction: " + word.toUpperCase(Locale.ROOT),
                    near != null ? "did you mean " + near + "?" : DOCS + " for the instructions there are");
        }
        Flags flags = Flags.extract(text.substring(word.length()));
        String args = flags.rest();
        boolean takesFlags = !accepted(keyword).isEmpty();
        if (!takesFlags) {
            flags.rejectUnknown(keyword, "", ctx);
        }
        Instruction parsed = switch (keyword) {
            case FROM -> from(line, text, flags, args, ctx);
            case RUN -> run(line, text, flags, args, heredocs, ctx);
            case COPY, ADD -> copyOrAdd(keyword, line, text, flags, args, heredocs, ctx);
            case ENV -> new Env(line, text, pairs(keyword, args, ctx));
            case LABEL -> new Label(line, text, pairs(keyword, args, ctx));
            case ARG -> arg(line, text, args, ctx);
            case WORKDIR -> new Workdir(line, text, required(keyword, args, ctx, "a directory"));
            case USER -> new User(line, text, required(keyword, args, ctx, "a user name or UID"));
            case STOPSIGNAL -> new StopSignal(line, text, required(keyword, args, ctx, "a signal, e.g. SIGTERM"));
            case MAINTAINER -> new Maintainer(line, text, required(keyword, args, ctx, "a name"));
            case CMD -> new Cmd(line, text, command(keyword, required(keyword, args, ctx, "a command"), ctx));
            case ENTRYPOINT -> new Entrypoint(line, text,
                    command(keyword, required(keyword, args, ctx, "a command"), ctx));
            case EXPOSE -> new Expose(line, text, whitespaceWords(required(keyword, args, ctx, "a port, e.g. 80/tcp")));
            case VOLUME -> volume(line, text, args, ctx);
            case SHELL -> shell(line, text, args, ctx);
            case HEALTHCHECK -> HealthcheckArgs.parse(line, text, flags, args, ctx);
            case ONBUILD -> onBuild(line, text, args, source, escape, ctx);
        };
        if (takesFlags && keyword != Keyword.HEALTHCHECK) {
            flags.rejectUnknown(keyword, accepted(keyword), ctx);
        }
        return parsed;
    }

    static String accepted(Keyword keyword) {
        return switch (keyword) {
            case FROM -> "--platform";
            case RUN -> "--mount, --network, --security=sandbox";
            case COPY -> "--from, --chown, --chmod, --link, --exclude";
            case ADD -> "--chown, --chmod, --checksum, --link, --exclude";
            case HEALTHCHECK -> "--interval, --timeout, --start-period, --start-interval, --retries";
            default -> "";
        };
    }

    private static From from(int line, String text, Flags flags, String args, ParseContext ctx) {
        String platform = flags.string("platform", ctx);
        List<String> words = whitespaceWords(args);
        if (words.size() == 1) {
            return new From(line, text, words.getFirst(), platform, null);
        }
        if (words.size() == 3 && words.get(1).equalsIgnoreCase("AS")) {
            String alias = words.get(2).toLowerCase(Locale.ROOT);
            if (!stageName(alias)) {
                throw ctx.error("invalid stage name \"" + words.get(2) + "\"",
                        "start it with a letter and use only letters, digits, '-', '_' and '.'");
            }
            return new From(line, text, words.getFirst(), platform, alias);
        }
        throw ctx.error(words.isEmpty() ? "FROM needs an image" : "FROM takes one image and an optional AS name",
                "write FROM image or FROM image AS name");
    }

    private static boolean stageName(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static Run run(int line, String text, Flags flags, String args, List<Heredoc> heredocs,
                           ParseContext ctx) {
        List<String> mounts = flags.strings("mount", ctx);
        String network = flags.string("network", ctx);
        if (network != null && !network.equals("default") && !network.equals("none") && !network.equals("host")) {
            throw ctx.error("unknown --network=" + network + " for RUN", "use --network=default, none or host");
        }
        String security = flags.string("security", ctx);
        if (security != null && !security.equals("sandbox")) {
            throw ctx.error("RUN --security=" + security + " is not supported", "remove it: steps run sandboxed");
        }
        for (String mount : mounts) {
            if (mount.isBlank()) {
                throw ctx.error("--mount needs a value", "write --mount=type=cache,target=/path");
            }
        }
        Command command = command(Keyword.RUN, required(Keyword.RUN, args, ctx, "a command"), ctx);
        return new Run(line, text, command, heredocs, network, mounts);
    }

    private static Instruction copyOrAdd(Keyword keyword, int line, String text, Flags flags, String args,
                                         List<Heredoc> heredocs, ParseContext ctx) {
        String from = keyword == Keyword.COPY ? flags.string("from", ctx) : null;
        String chown = flags.string("chown", ctx);
        String chmod = flags.string("chmod", ctx);
        String checksum = keyword == Keyword.ADD ? flags.string("checksum", ctx) : null;
        boolean link = flags.bool("link", ctx);
        List<String> excludes = flags.strings("exclude", ctx);
        List<String> words = jsonOrWords(args, ctx);
        if (words.size() < 2) {
            throw ctx.error(keyword + " needs at least one source and a destination",
                    "write " + keyword + " <src>... <dest>");
        }
        String dest = words.getLast();
        if (HeredocWords.marker(dest) != null) {
            throw ctx.error(keyword + " cannot take a heredoc as its destination", "put the heredoc before the destination");
        }
        List<String> sources = new ArrayList<>(words.size() - 1);
        List<Heredoc> inline = new ArrayList<>(0);
        for (String src : words.subList(0, words.size() - 1)) {
            HeredocWords.Marker marker = HeredocWords.marker(src);
            if (marker == null) {
                sources.add(src);
                continue;
            }
            Heredoc doc = null;
            for (Heredoc h : heredocs) {
                if (h.name().equals(marker.name())) {
                    doc = h;
                }
            }
            if (doc == null) {
                throw ctx.error("heredoc <<" + marker.name() + " has no body", "write its lines after the instruction");
            }
            inline.add(doc);
        }
        return keyword == Keyword.COPY
                ? new Copy(line, text, sources, dest, from, chown, chmod, link, excludes, inline)
                : new Add(line, text, sources, dest, chown, chmod, checksum, link, excludes, inline);
    }

    private static Arg arg(int line, String text, String args, ParseContext ctx) {
        List<String> words = QuotedWords.split(args, ctx.escape());
        if (words.isEmpty()) {
            throw ctx.error("ARG needs a name", "write ARG NAME or ARG NAME=default");
        }
        List<ArgDecl> decls = new ArrayList<>(words.size());
        for (String w : words) {
            int eq = w.indexOf('=');
            String name = eq < 0 ? w : w.substring(0, eq);
            if (name.isEmpty()) {
                throw ctx.error("ARG names can not be blank", "write ARG NAME=value");
            }
            decls.add(new ArgDecl(name, eq < 0 ? null : w.substring(eq + 1)));
        }
        return new Arg(line, text, decls);
    }

    /** ENV and LABEL: {@code k=v k2="v 2"}, or the legacy {@code k the rest of the line}. */
    private static List<KeyValue> pairs(Keyword keyword, String args, ParseContext ctx) {
        List<String> words = QuotedWords.split(args, ctx.escape());
        if (words.isEmpty()) {
            throw ctx.error(keyword + " needs a name and a value", "write " + keyword + " NAME=value");
        }
        List<KeyValue> pairs = new ArrayList<>(words.size());
        if (words.getFirst().indexOf('=') < 0) {
            int space = 0;
            while (space < args.length() && !Character.isWhitespace(args.charAt(space))) {
                space++;
            }
            if (space == args.length()) {
                throw ctx.error(keyword + " " + args + " has no value", "write " + keyword + " " + args + "=value");
            }
            pairs.add(new KeyValue(args.substring(0, space), args.substring(space).strip()));
            return pairs;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw ctx.error("no '=' in \"" + w + "\"", "write " + keyword + " NAME=value (quote values with spaces)");
            }
            if (eq == 0) {
                throw ctx.error(keyword + " names can not be blank", "write " + keyword + " NAME=value");
            }
            pairs.add(new KeyValue(w.substring(0, eq), w.substring(eq + 1)));
        }
        return pairs;
    }

    private static Volume volume(int line, String text, String args, ParseContext ctx) {
        List<String> paths = jsonOrWords(required(Keyword.VOLUME, args, ctx, "a path"), ctx);
        for (String p : paths) {
            if (p.isBlank()) {
                throw ctx.error("VOLUME has an empty path", "remove the empty string");
            }
        }
        if (paths.isEmpty()) {
            throw ctx.error("VOLUME needs a path", "write VOLUME /data");
        }
        return new Volume(line, text, paths);
    }

    private static Shell shell(int line, String text, String args, ParseContext ctx) {
        List<String> shell = json(args, ctx);
        if (shell == null || shell.isEmpty()) {
            throw ctx.error("SHELL needs a JSON array", "write SHELL [\"/bin/sh\", \"-c\"]");
        }
        return new Shell(line, text, shell);
    }

    private static OnBuild onBuild(int line, String text, String args, String source, char escape, ParseContext ctx) {
        String inner = required(Keyword.ONBUILD, args, ctx, "an instruction");
        Keyword k = Keyword.of(LineReader.firstWord(inner));
        if (k == Keyword.ONBUILD) {
            throw ctx.error("ONBUILD ONBUILD is not allowed", "give ONBUILD a plain instruction");
        }
        if (k == Keyword.FROM || k == Keyword.MAINTAINER) {
            throw ctx.error(k + " is not allowed as an ONBUILD trigger", "give ONBUILD another instruction");
        }
        return new OnBuild(line, text, parse(line, inner, List.of(), source, escape));
    }

    /** JSON array → exec form; anything else → shell form (Docker's fallback for malformed JSON too). */
    static Command command(Keyword keyword, String args, ParseContext ctx) {
        List<String> exec = json(args, ctx);
        return exec != null ? new ExecForm(exec) : new ShellForm(args);
    }

    private static List<String> json(String args, ParseContext ctx) {
        try {
            return JsonArray.parse(args);
        } catch (JsonArray.NotStrings e) {
            throw ctx.error("a JSON array here must hold strings only", "quote every element: [\"a\", \"b\"]");
        }
    }

    private static List<String> jsonOrWords(String args, ParseContext ctx) {
        List<String> json = json(args, ctx);
        return json != null ? json : whitespaceWords(args);
    }

    private static String required(Keyword keyword, String args, ParseContext ctx, String what) {
        if (args.isEmpty()) {
            throw ctx.error(keyword + " needs " + what, DOCS + keyword.name().toLowerCase(Locale.ROOT));
        }
        return args;
    }

    /** Splits on runs of blanks, quotes not considered (Docker's rule for FROM, EXPOSE, COPY/ADD, VOLUME). */
    static List<String> whitespaceWords(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
