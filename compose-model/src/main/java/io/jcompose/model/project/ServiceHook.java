package io.jcompose.model.project;

import java.util.List;
import java.util.Map;

/**
 * A command run inside the service's container around its lifecycle ({@code post_start[]}, {@code pre_stop[]},
 * {@code develop.watch[].exec}).
 *
 * @param command     the command in exec form
 * @param user        run as this user, or null for the container's user
 * @param privileged  run with extended privileges
 * @param workingDir  run in this directory, or null for the container's
 * @param environment variables added to the container's; null values are unresolved declarations
 */
public record ServiceHook(List<String> command, String user, boolean privileged, String workingDir,
                          Map<String, String> environment) {

    public ServiceHook {
        command = Copies.list(command);
        environment = Copies.map(environment);
    }
}
