package io.jcompose.model.environment;

import io.jcompose.model.ModelException;
import io.jcompose.model.dotenv.DotEnvParser;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A service's container environment as docker compose resolves it: the {@code env_file} files in order
 * (later files win; a line may use earlier lines and the project environment), then {@code environment}
 * over them; a bare {@code KEY} takes the project environment's value and stays null when that has none.
 * A missing {@code required} env file is an error at the place it is named; an optional one is skipped.
 * {@code env_file} is then dropped: its contents now live in {@code environment}, which is what
 * {@code config} prints and what the config hash covers (so an edited env file recreates the container).
 * Works on the canonical tree ({@code env_file} as {@code [{path, required, format}]}).
 */
public final class ServiceEnvironment {
    private ServiceEnvironment() {
    }

    public static MapNode resolve(MapNode project, Function<String, String> projectEnvironment) {
        if (!(project.get("services") instanceof MapNode services)) return project;
        MapNode.Builder b = services.toBuilder();
        for (String name : services.keys()) {
            if (services.get(name) instanceof MapNode service) {
                b.put(name, resolveService(name, service, projectEnvironment), services.keyPosition(name));
            }
        }
        return project.with("services", b.build());
    }

    private static MapNode resolveService(String name, MapNode service, Function<String, String> projectEnv) {
        Map<String, Node> env = new LinkedHashMap<>();
        if (service.get("env_file") instanceof SeqNode files) {
            int i = 0;
            for (Node entry : files.items()) {
                YamlPath at = YamlPath.of("services", name, "env_file").index(i++);
                readEnvFile(entry, at, env, projectEnv);
            }
        }
        MapNode declared = service.get("environment") instanceof MapNode m ? m : null;
        if (declared == null && env.isEmpty()) return service.without("env_file");
        if (declared != null) {
            for (var e : declared.entries().entrySet()) {
                Node v = e.getValue();
                if (v instanceof ScalarNode s && s.isNull()) {
                    String fromProject = projectEnv.apply(e.getKey());
                    v = fromProject != null ? s.withValue(fromProject) : s;
                }
                env.remove(e.getKey());
                env.put(e.getKey(), v);
            }
        }
        MapNode.Builder out = MapNode.builder(declared != null ? declared.position() : service.position());
        env.forEach(out::put);
        return service.without("env_file").with("environment", out.build());
    }

    private static void readEnvFile(Node entry, YamlPath at, Map<String, Node> env,
                                    Function<String, String> projectEnv) {
        if (!(entry instanceof MapNode m) || !(m.get("path") instanceof ScalarNode p)) return;
        boolean required = !(m.get("required") instanceof ScalarNode r && Boolean.FALSE.equals(r.value()));
        boolean raw = m.get("format") instanceof ScalarNode f && "raw".equals(f.value());
        Path path = Path.of(p.text());
        if (!Files.isRegularFile(path)) {
            if (!required) return;
            throw new ModelException(p.position(), at, "env file " + path + " not found",
                    "create it, fix the path, or mark it optional: {path: " + p.text() + ", required: false}");
        }
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException(p.position(), at, "cannot read env file " + path + ": " + e.getMessage(),
                    "check the file's permissions");
        }
        Function<String, String> lookup = key -> {
            Node known = env.get(key);
            if (known instanceof ScalarNode s && !s.isNull()) return s.text();
            return projectEnv.apply(key);
        };
        Map<String, String> vars = raw ? DotEnvParser.parseRaw(content, path.toString(), lookup)
                : DotEnvParser.parse(content, path.toString(), lookup);
        vars.forEach((k, v) -> {
            env.remove(k);
            env.put(k, ScalarNode.of(v, p.position()));
        });
    }
}
