package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/**
 * One Dockerfile instruction, parsed but not yet expanded: words hold {@code $VAR}, quotes and escapes as
 * written. The builder calls {@link #expand} with the variables in scope at that step (build args and ENV)
 * right before it runs the step, which is how Docker scopes variables.
 */
public sealed interface Instruction permits From, Run, Copy, Add, Env, Arg, Workdir, User, Cmd, Entrypoint,
        Expose, Label, Volume, StopSignal, Healthcheck, Shell, OnBuild, Maintainer {

    /** The 1-based line of the instruction's first line. */
    int line();

    /** The instruction as written, continuation lines joined, for history and progress output. */
    String text();

    /**
     * The same instruction with its words expanded by Docker's rules ({@code $VAR}, {@code ${VAR:-x}} and the
     * other modifiers, quotes removed, the escape character honoured). RUN, CMD, ENTRYPOINT, SHELL,
     * HEALTHCHECK and ONBUILD return themselves: the shell in the container expands those.
     *
     * @param lookup the value of a variable, null when it is unset
     * @throws DockerfileException (without a source) when a word is malformed or {@code ${VAR?msg}} fails
     */
    Instruction expand(Function<String, String> lookup, char escape);
}
