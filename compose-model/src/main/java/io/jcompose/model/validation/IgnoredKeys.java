package io.jcompose.model.validation;

import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keys the Compose Specification allows and jcompose accepts, but will not act on: Swarm-only,
 * Windows-only and Docker-Desktop-only settings. docker compose drops most of these silently; we say
 * so, once per occurrence, pointing at the key. One line per rule; a rule with a value applies only
 * when the key holds that value.
 */
final class IgnoredKeys {
    private record Rule(PathPattern pattern, String value, String reason) {
    }

    private static final List<Rule> RULES = List.of(
            rule("services.*.deploy.mode", "global", "Swarm-only: one replica per Swarm node; the service runs replicated"),
            rule("services.*.deploy.endpoint_mode", "Swarm-only service discovery"),
            rule("services.*.deploy.labels", "labels of a Swarm service; container labels go in services.*.labels"),
            rule("services.*.deploy.placement", "Swarm-only: there is one host to place containers on"),
            rule("services.*.deploy.update_config", "Swarm-only rolling updates"),
            rule("services.*.deploy.rollback_config", "Swarm-only rollbacks"),
            rule("services.*.deploy.restart_policy.delay", "Swarm-only; restarts back off on their own schedule"),
            rule("services.*.deploy.restart_policy.window", "Swarm-only; restarts back off on their own schedule"),
            rule("services.*.deploy.resources.reservations.generic_resources", "Swarm-only generic resources"),
            rule("services.*.isolation", "Windows containers only"),
            rule("services.*.build.isolation", "Windows containers only"),
            rule("services.*.credential_spec", "Windows gMSA credentials only"),
            rule("services.*.cpu_count", "Windows containers only"),
            rule("services.*.cpu_percent", "Windows containers only"),
            rule("services.*.volumes[].consistency", "Docker Desktop for Mac only"),
            rule("services.*.volumes[].type", "npipe", "Windows named pipes only; the mount is skipped"),
            rule("services.*.volumes[].type", "cluster", "Swarm cluster volumes only; the mount is skipped"),
            rule("services.*.develop", "'compose watch' is not part of jcompose"),
            rule("services.*.models", "Docker Model Runner (Docker Desktop) only"),
            rule("services.*.provider", "provider services are run by Docker Desktop plugins"),
            rule("services.*.use_api_socket", "there is no Docker Engine API socket to mount"),
            rule("services.*.runtime", "jcompose chooses the OCI runtime itself (runc or crun)"),
            rule("networks.*.attachable", "Swarm-only: lets standalone containers join a Swarm network"),
            rule("secrets.*.driver", "Swarm secret stores only"),
            rule("secrets.*.driver_opts", "Swarm secret stores only"),
            rule("secrets.*.template_driver", "Swarm-only templating"),
            rule("configs.*.template_driver", "Swarm-only templating"),
            rule("models", "Docker Model Runner (Docker Desktop) only"));

    private IgnoredKeys() {
    }

    private static Rule rule(String pattern, String reason) {
        return new Rule(PathPattern.of(pattern), null, reason);
    }

    private static Rule rule(String pattern, String value, String reason) {
        return new Rule(PathPattern.of(pattern), value, reason);
    }

    /** The patterns of the rules, for tests that check each one against the schema. */
    static List<String> patterns() {
        return RULES.stream().map(r -> r.pattern().toString()).toList();
    }

    static void report(Node root, Consumer<String> warnings) {
        for (Rule rule : RULES) {
            rule.pattern().forEach(root, (node, trail, position) -> {
                if (Node.RESET.equals(node.tag())) return;
                if (rule.value() == null) {
                    warnings.accept(where(position, trail) + "jcompose ignores this key (" + rule.reason() + ")");
                } else if (node instanceof ScalarNode sc && rule.value().equals(sc.value())) {
                    warnings.accept(where(position, trail) + "jcompose ignores '" + rule.value() + "' here ("
                            + rule.reason() + ")");
                }
            });
        }
    }

    /** {@code file:line:col path: }, leaving out what is unknown. */
    static String where(Position position, Trail trail) {
        String pos = position == null ? "" : position.toString();
        String path = trail.toPath().toString();
        return (pos.isEmpty() ? "" : pos + " ") + (path.isEmpty() ? "" : path + ": ");
    }
}
