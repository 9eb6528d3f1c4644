package io.jcompose.model.project;

import java.util.List;
import java.util.Map;

/**
 * One init step ({@code services.*.pre_start[]}): a throw-away container that must exit 0 before the service's
 * container starts; steps run in order.
 *
 * @param image       the step's image, or null for the service's own image
 * @param command     the command in exec form
 * @param user        run as this user, or null
 * @param privileged  run with extended privileges
 * @param workingDir  working directory, or null
 * @param environment extra variables; null values are unresolved declarations
 * @param perReplica  run once per replica instead of once per service
 */
public record PreStartStep(String image, List<String> command, String user, boolean privileged,
                           String workingDir, Map<String, String> environment, boolean perReplica) {

    public PreStartStep {
        command = Copies.list(command);
        environment = Copies.map(environment);
    }
}
