package io.jcompose.image.build.dockerfile;

/** One declaration of ARG: a name and its default (null when none). */
public record ArgDecl(String name, String defaultValue) {}
