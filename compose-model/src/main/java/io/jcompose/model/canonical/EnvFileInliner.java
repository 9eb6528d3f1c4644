package io.jcompose.model.canonical;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code docker compose config} does to {@code env_file} (compose-go
 * {@code WithServicesEnvironmentResolved(discardEnvFiles=true)}): each service's env files are read in
 * order, later files winning, the service's own {@code environment} wins over all of them (a key
 * it leaves unresolved stays null), and {@code env_file} is dropped from the output. Applied to a
 * canonical project; the config hash and {@code up} use the project before this step.
 */
public final class EnvFileInliner {
    private EnvFileInliner() {
    }

    /**
     * @param environment the interpolation environment, consulted first when an env file refers to
     *                    a variable; returns {@code null} for unset names
     */
    public static MapNode inline(MapNode canonicalProject, EnvFileReader reader, Function<String, String> environment) {
        if (!(canonicalProject.get("services") instanceof MapNode services)) return canonicalProject;
        MapNode.Builder out = services.toBuilder();
        boolean changed = false;
        for (Map.Entry<String, Node> e : services.entries().entrySet()) {
            if (e.getValue() instanceof MapNode service && service.get("env_file") instanceof SeqNode files) {
                out.put(e.getKey(), inline(e.getKey(), service, files, reader, environment));
                changed = true;
            }
        }
        return changed ? canonicalProject.with("services", out.build()) : canonicalProject;
    }

    private static MapNode inline(String name, MapNode service, SeqNode files, EnvFileReader reader,
                                  Function<String, String> environment) {
        MapNode own = service.get("environment") instanceof MapNode m ? m : MapNode.empty(service.position());
        Function<String, String> lookup = key -> {
            String v = environment == null ? null : environment.apply(key);
            if (v != null) return v;
            return own.get(key) instanceof ScalarNode s && s.value() instanceof String str ? str : null;
        };
        Map<String, String> fromFiles = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            MapNode file = (MapNode) files.get(i);
            String path = (String) ((ScalarNode) file.get("path")).value();
            String format = file.get("format") instanceof ScalarNode f ? (String) f.value() : null;
            Map<String, String> vars = reader.read(Path.of(path), format, lookup);
            if (vars == null) {
                if (file.get("required") instanceof ScalarNode r && Boolean.FALSE.equals(r.value())) continue;
                throw new ModelException(file.position(), YamlPath.of("services", name, "env_file").index(i),
                        "env file " + path + " not found", "create the file, or mark it required: false");
            }
            fromFiles.putAll(vars);
        }
        MapNode.Builder env = MapNode.builder(own.position());
        fromFiles.forEach((k, v) -> env.put(k, Values.str(v, files)));
        own.entries().forEach((k, v) -> env.put(k, v, own.keyPosition(k)));
        MapNode merged = env.build();
        MapNode result = service.without("env_file");
        return merged.isEmpty() ? result.without("environment") : result.with("environment", merged);
    }
}
