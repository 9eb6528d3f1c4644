package io.jcompose.image.build.dockerfile;

/** The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD: a shell script or an argument vector. */
public sealed interface Command permits ShellForm, ExecForm {}
