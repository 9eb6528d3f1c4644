package io.jcompose.model.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What discovery settled before any compose file is parsed.
 *
 * @param files            the compose files in merge order
 * @param projectDirectory the project directory (relative paths of the project resolve against it)
 * @param environment      the interpolation environment: process environment over env files
 * @param profiles         enabled profiles ({@code --profile} or COMPOSE_PROFILES)
 * @param explicitName     {@code -p} or COMPOSE_PROJECT_NAME, or null
 */
public record Workspace(List<ConfigFile> files, Path projectDirectory, Map<String, String> environment,
                        List<String> profiles, String explicitName) {
    public Workspace {
        files = List.copyOf(files);
        environment = Map.copyOf(environment);
        profiles = List.copyOf(profiles);
    }
}
