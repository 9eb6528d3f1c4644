package io.jcompose.scheduler.naming;

import io.jcompose.scheduler.graph.DependencyEdge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code com.docker.compose.*} labels, spelled as docker compose spells them, so that tools that read them
 * (and users' habits, {@code --filter label=...}) carry over. Only the scheduler writes them; the agent stores
 * them as any other label.
 */
public final class Labels {
    public static final String PREFIX = "com.docker.compose.";
    public static final String PROJECT = PREFIX + "project";
    public static final String SERVICE = PREFIX + "service";
    public static final String CONTAINER_NUMBER = PREFIX + "container-number";
    public static final String CONFIG_HASH = PREFIX + "config-hash";
    public static final String ONEOFF = PREFIX + "oneoff";
    public static final String WORKING_DIR = PREFIX + "project.working_dir";
    public static final String CONFIG_FILES = PREFIX + "project.config_files";
    public static final String DEPENDS_ON = PREFIX + "depends_on";
    public static final String IMAGE = PREFIX + "image";
    public static final String VERSION = PREFIX + "version";
    public static final String NETWORK = PREFIX + "network";
    public static final String VOLUME = PREFIX + "volume";
    public static final String REPLACE = PREFIX + "replace";

    /** What docker compose writes for its own version; tools compare it loosely, so a compose-like value. */
    public static final String COMPOSE_VERSION = "2.40.0";

    private Labels() {
    }

    /** {@code label=value} filter selecting everything of one project. */
    public static String projectFilter(String project) {
        return PROJECT + "=" + project;
    }

    /** {@code db:service_healthy:false,cache:service_started:true}, the edges in the given order. */
    public static String dependsOn(Collection<DependencyEdge> edges) {
        List<String> parts = new ArrayList<>(edges.size());
        for (DependencyEdge e : edges) parts.add(e.dependency() + ":" + e.condition().wire() + ":" + e.restart());
        return String.join(",", parts);
    }

    /** Parses {@link #dependsOn}'s format; malformed parts are skipped (the label may come from another tool). */
    public static List<String[]> parseDependsOn(String label) {
        List<String[]> out = new ArrayList<>();
        if (label == null || label.isEmpty()) return out;
        for (String part : label.split(",")) {
            String[] fields = part.split(":");
            if (fields.length >= 1 && !fields[0].isEmpty()) out.add(fields);
        }
        return out;
    }
}
