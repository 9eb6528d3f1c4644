package io.jcompose.model.canonical;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Inputs of the canonical-form phase beyond the project tree.
 *
 * @param projectName      the final project name (printed as {@code name}, prefixes resource names)
 * @param projectDirectory relative paths resolve against it
 * @param homeDirectory    {@code ~} expands to it
 * @param environment      the interpolation environment; resolves bare {@code KEY} entries of
 *                         {@code environment} and {@code build.args}; returns {@code null} for unset
 * @param resolvePaths     false keeps paths as written ({@code config --no-path-resolution})
 * @param warnings         receives deprecation and data-loss notices; may be {@code null}
 */
public record CanonicalContext(String projectName, Path projectDirectory, Path homeDirectory,
                               Function<String, String> environment, boolean resolvePaths,
                               Consumer<String> warnings) {
}
