package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Dockerfile the way Docker's (BuildKit's) Dockerfile frontend does, in three passes:
 * <ol>
 *   <li>{@link LineReader}: directives, comments, continuations, heredoc bodies → logical lines;</li>
 *   <li>{@link InstructionParser}: each logical line → a typed {@link Instruction};</li>
 *   <li>here: instructions grouped into stages (only ARG may precede the first FROM), stage names checked
 *       for duplicates, and every {@code COPY --from} / {@code RUN --mount from=} that names a stage checked
 *       to name an earlier one.</li>
 * </ol>
 * Variables are not expanded here: which values apply depends on the build (args, ENV of the stage), so the
 * builder calls {@link Instruction#expand} step by step.
 */
public final class DockerfileParser {
    private DockerfileParser() {
    }

    /**
     * Parses a whole Dockerfile.
     *
     * @param source names the Dockerfile in errors (a path or "dockerfile_inline")
     * @throws DockerfileException on the first error, with its line and a fix
     */
    public static Dockerfile parse(String text, String source) {
        LineReader.Result read = LineReader.read(text, source);
        char escape = read.escape();
        List<Arg> globalArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        From from = null;
        List<Instruction> body = null;
        for (LineReader.Logical logical : read.lines()) {
            Instruction in = InstructionParser.parse(logical, source, escape);
            if (in instanceof From f) {
                if (from != null) {
                    stages.add(new Stage(stages.size(), from.alias(), from, body));
                }
                checkUniqueName(f, from, stages, source);
                from = f;
                body = new ArrayList<>();
            } else if (from != null) {
                body.add(in);
            } else if (in instanceof Arg a) {
                globalArgs.add(a);
            } else {
                throw new DockerfileException(source, in.line(),
                        LineReader.firstWord(in.text()).toUpperCase(java.util.Locale.ROOT) + " comes before the first FROM",
                        "start the build stage with FROM <image> first (only ARG may come before FROM)");
            }
        }
        if (from == null) {
            throw new DockerfileException(source, 0, "the Dockerfile has no FROM, so there is nothing to build",
                    "start it with FROM <image> (or FROM scratch)");
        }
        stages.add(new Stage(stages.size(), from.alias(), from, body));
        Dockerfile dockerfile = new Dockerfile(source, escape, globalArgs, stages);
        checkStageReferences(dockerfile);
        return dockerfile;
    }

    private static void checkUniqueName(From f, From current, List<Stage> stages, String source) {
        if (f.alias() == null) {
            return;
        }
        List<From> earlier = new ArrayList<>();
        for (Stage s : stages) {
            earlier.add(s.from());
        }
        if (current != null) {
            earlier.add(current);
        }
        for (From e : earlier) {
            if (f.alias().equals(e.alias())) {
                throw new DockerfileException(source, f.line(),
                        "duplicate stage name \"" + f.alias() + "\" (also on line " + e.line() + ")",
                        "give each stage its own name");
            }
        }
    }

    /** A stage may only copy from or mount an earlier stage; naming itself or a later one is a mistake. */
    private static void checkStageReferences(Dockerfile dockerfile) {
        for (Stage stage : dockerfile.stages()) {
            for (Instruction in : stage.instructions()) {
                switch (in) {
                    case Copy c when c.from() != null -> checkReference("COPY --from=" + c.from(), c.from(), stage,
                            in.line(), dockerfile);
                    case Run r -> {
                        for (String mount : r.mounts()) {
                            String ref = Mounts.from(mount);
                            if (ref != null) {
                                checkReference("RUN --mount from=" + ref, ref, stage, in.line(), dockerfile);
                            }
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    private static void checkReference(String what, String ref, Stage stage, int line, Dockerfile dockerfile) {
        if (ref.indexOf('$') >= 0) {
            return; // known only once expanded
        }
        Stage target = null;
        if (Dockerfile.isIndex(ref)) {
            int index = Integer.parseInt(ref);
            if (index >= dockerfile.stages().size()) {
                throw new DockerfileException(dockerfile.source(), line,
                        what + " names stage " + index + " but there are only " + dockerfile.stages().size(),
                        "name an earlier stage (counted from 0) or its AS name");
            }
            target = dockerfile.stages().get(index);
        } else {
            for (Stage s : dockerfile.stages()) {
                if (ref.equalsIgnoreCase(s.name())) {
                    target = s;
                }
            }
        }
        if (target == null) {
            return; // an image reference, e.g. COPY --from=nginx:1 …
        }
        if (target.index() == stage.index()) {
            throw new DockerfileException(dockerfile.source(), line, what + " names the stage it is in",
                    "copy from an earlier stage");
        }
        if (target.index() > stage.index()) {
            throw new DockerfileException(dockerfile.source(), line,
                    what + " names a later stage (line " + target.from().line() + ")",
                    "move that stage above this one");
        }
    }
}
