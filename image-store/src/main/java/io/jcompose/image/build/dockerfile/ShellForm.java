package io.jcompose.image.build.dockerfile;

/** A command in shell form: run as the stage's SHELL followed by {@code script}. */
public record ShellForm(String script) implements Command {}
