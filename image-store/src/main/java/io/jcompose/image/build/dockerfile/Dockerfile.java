package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A parsed Dockerfile.
 *
 * @param source     the name errors use (a path or "dockerfile_inline")
 * @param escape     the escape character: {@code '\\'} or {@code '`'} ({@code # escape=})
 * @param globalArgs the ARGs before the first FROM (usable in FROM lines only, unless redeclared in a stage)
 * @param stages     the stages in order
 */
public record Dockerfile(String source, char escape, List<Arg> globalArgs, List<Stage> stages) {
    public Dockerfile {
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
    }

    /**
     * The stages {@code target} needs, in their original order: the target itself and, transitively, every
     * stage named by {@code FROM <stage>}, {@code COPY --from=<stage|index>} or {@code RUN --mount=from=<stage>}.
     * FROM images are compared with the global ARG defaults expanded.
     *
     * @param target a stage name (any case), or null for the last stage
     * @throws DockerfileException when no stage has that name
     */
    public List<Stage> stagesFor(String target) {
        return stagesFor(target, name -> null);
    }

    /**
     * Like {@link #stagesFor(String)}, with build arguments that override the global ARG defaults when FROM
     * images are expanded ({@code FROM ${BASE}} where BASE names a stage).
     */
    public List<Stage> stagesFor(String target, Function<String, String> buildArgs) {
        Stage last = stages.getLast();
        Stage wanted = target == null ? last : byName(target);
        if (wanted == null) {
            List<String> names = new ArrayList<>();
            for (Stage s : stages) {
                if (s.name() != null) {
                    names.add(s.name());
                }
            }
            throw new DockerfileException(source, 0, "target stage \"" + target + "\" could not be found",
                    names.isEmpty() ? "this Dockerfile names no stages (FROM image AS name)"
                            : "use one of: " + String.join(", ", names));
        }
        Function<String, String> globals = globalScope(buildArgs);
        boolean[] needed = new boolean[stages.size()];
        mark(wanted, needed, globals);
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            if (needed[s.index()]) {
                out.add(s);
            }
        }
        return out;
    }

    /** The stage a FROM image, a --from value or a mount's from= names among stages before {@code before}. */
    Stage referencedStage(String ref, int before) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        if (isIndex(ref)) {
            int i = Integer.parseInt(ref);
            return i < stages.size() ? stages.get(i) : null;
        }
        Stage s = byName(ref);
        return s != null && s.index() < before ? s : null;
    }

    private void mark(Stage stage, boolean[] needed, Function<String, String> globals) {
        if (needed[stage.index()]) {
            return;
        }
        needed[stage.index()] = true;
        String image = ShellWords.expand(stage.from().image(), globals, escape, stage.from().line());
        Stage base = byName(image);
        if (base != null && base.index() < stage.index()) {
            mark(base, needed, globals);
        }
        for (Instruction in : stage.instructions()) {
            switch (in) {
                case Copy c when c.from() != null -> markRef(c.from(), stage, needed, globals);
                case Run r -> {
                    for (String mount : r.mounts()) {
                        markRef(Mounts.from(mount), stage, needed, globals);
                    }
                }
                default -> { }
            }
        }
    }

    private void markRef(String ref, Stage stage, boolean[] needed, Function<String, String> globals) {
        Stage s = referencedStage(ref, stage.index());
        if (s != null && s.index() < stage.index()) {
            mark(s, needed, globals);
        }
    }

    /** Global ARGs in order, each default expanded with the ones before it, build args winning. */
    private Function<String, String> globalScope(Function<String, String> buildArgs) {
        Map<String, String> scope = new HashMap<>();
        for (Arg arg : globalArgs) {
            for (ArgDecl decl : arg.decls()) {
                String given = buildArgs.apply(decl.name());
                String value = given != null ? given
                        : decl.defaultValue() == null ? null
                        : ShellWords.expand(decl.defaultValue(), scope::get, escape, arg.line());
                scope.put(decl.name(), value);
            }
        }
        return scope::get;
    }

    private Stage byName(String name) {
        for (Stage s : stages) {
            if (s.name() != null && s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }

    static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

}
