package io.jcompose.scheduler.naming;

import io.jcompose.model.project.Network;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.Volume;

/**
 * Engine names as docker compose gives them: containers {@code <project>-<service>-<n>} unless
 * {@code container_name} is set, networks and volumes {@code <project>_<key>} unless the loader already named
 * them ({@code name:} or external).
 */
public final class Names {
    private Names() {
    }

    public static String container(String project, Service service, int number) {
        if (service.containerName() != null && !service.containerName().isEmpty()) return service.containerName();
        return project + "-" + service.name().value() + "-" + number;
    }

    public static String network(Project project, String key) {
        Network n = project.networks().get(key);
        return n != null && n.name() != null && !n.name().isEmpty() ? n.name() : project.name() + "_" + key;
    }

    public static String volume(Project project, String key) {
        Volume v = project.volumes().get(key);
        return v != null && v.name() != null && !v.name().isEmpty() ? v.name() : project.name() + "_" + key;
    }
}
