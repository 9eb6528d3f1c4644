package io.jcompose.scheduler.plan;

import io.jcompose.model.project.Project;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for: the project, each service's config hash ({@code jcompose config --hash}, computed by
 * the caller from the canonical tree with {@code io.jcompose.model.render.ConfigHash}) and the files it came from.
 */
public record Desired(Project project, Map<String, String> configHashes, List<String> configFiles) {
    public Desired {
        configHashes = Map.copyOf(configHashes);
        configFiles = List.copyOf(configFiles);
    }

    public String hash(String service) {
        String h = configHashes.get(service);
        if (h == null) throw new IllegalArgumentException("no config hash for service " + service);
        return h;
    }
}
