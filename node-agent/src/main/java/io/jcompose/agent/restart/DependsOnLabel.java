package io.jcompose.agent.restart;

import java.util.ArrayList;
import java.util.List;

/**
 * docker compose's {@code com.docker.compose.depends_on} label: {@code svc:condition:restart} entries
 * joined by commas, e.g. {@code db:service_healthy:false,cache:service_started:true}.
 */
public final class DependsOnLabel {
    public static final String KEY = "com.docker.compose.depends_on";
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";

    /** What the dependent waits for. */
    public enum Condition {
        STARTED, HEALTHY, COMPLETED_SUCCESSFULLY;

        static Condition parse(String text) {
            return switch (text) {
                case "service_healthy" -> HEALTHY;
                case "service_completed_successfully" -> COMPLETED_SUCCESSFULLY;
                // compose writes service_started, and older files may leave it out.
                default -> STARTED;
            };
        }
    }

    /** One dependency of a service. */
    public record Dependency(String service, Condition condition, boolean restart) {
    }

    private DependsOnLabel() {
    }

    /** The dependencies in the label's order; blanks are skipped, a missing condition means started. */
    public static List<Dependency> parse(String label) {
        List<Dependency> out = new ArrayList<>();
        if (label == null) {
            return out;
        }
        for (String entry : label.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            String[] parts = e.split(":", 3);
            if (parts[0].isEmpty()) {
                continue;
            }
            Condition condition = parts.length > 1 ? Condition.parse(parts[1]) : Condition.STARTED;
            boolean restart = parts.length > 2 && parts[2].equals("true");
            out.add(new Dependency(parts[0], condition, restart));
        }
        return out;
    }
}
