package io.jcompose.model;

import io.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The result of a load.
 *
 * @param name            the project name
 * @param workingDirectory the project directory
 * @param configFiles     the compose files that were read, in merge order (absolute; "-" for stdin)
 * @param canonical       the canonical long-form tree, in the shape {@code config} prints; profiles applied
 * @param environment     the interpolation environment (shell over env files), what {@code config --environment} prints
 * @param allProfiles     every profile named by any service, active or not ({@code config --profiles})
 * @param warnings        warnings in the order they arose (unset variables, ignored keys, obsolete version...)
 */
public record LoadedProject(
        String name,
        Path workingDirectory,
        List<String> configFiles,
        MapNode canonical,
        Map<String, String> environment,
        SortedSet<String> allProfiles,
        List<String> warnings) {
}
