package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.YamlPath;
import java.util.Map;

/**
 * Phase "canonical form" of the load pipeline: one merged, interpolated, schema-valid project in,
 * the same project in compose-go's long form out — shaped like the JSON of {@code types.Project},
 * which is what {@code docker compose config} prints and what the config hash digests.
 *
 * <p>In order: every service attribute is brought to its long syntax with compose-go's defaults
 * ({@link Services}), top-level resources likewise ({@link ProjectResources}), then the project is
 * normalized ({@link Normalizer}): default network, implicit dependencies, resource names. The tree
 * keeps {@code x-*} extensions where the YAML form shows them; the JSON renderer leaves them out
 * below the top level, as compose does.
 *
 * <pre>{@code
 * services: {web: {image: nginx, ports: ["8080:80"]}}
 *   -> name: demo
 *      services: {web: {command: null, entrypoint: null, image: nginx,
 *                       networks: {default: null},
 *                       ports: [{mode: ingress, target: 80, published: "8080", protocol: tcp}]}}
 *      networks: {default: {name: demo_default, ipam: {}}}
 * }</pre>
 */
public final class Canonicalizer {
    private static final Map<String, StructRule> RESOURCES = Map.of(
            "networks", ProjectResources.NETWORK,
            "volumes", ProjectResources.VOLUME,
            "secrets", ProjectResources.SECRET,
            "configs", ProjectResources.CONFIG,
            "models", ProjectResources.MODEL);

    private Canonicalizer() {
    }

    public static MapNode canonicalize(MapNode project, CanonicalContext ctx) {
        RuleContext rc = new RuleContext(ctx);
        MapNode.Builder out = MapNode.builder(project.position());
        Node name = project.get("name");
        out.put("name", new ScalarNode(ctx.projectName(), name == null ? project.position() : name.position(), null),
                project.keyPosition("name"));

        boolean defaultNetworkUsed = false;
        MapNode services = Values.map(project.get("services"), YamlPath.of("services"));
        MapNode.Builder canonicalServices = MapNode.builder(services.position());
        for (Map.Entry<String, Node> e : services.entries().entrySet()) {
            MapNode service = Services.canonicalize(e.getKey(), e.getValue(), rc);
            Normalizer.Service normalized = Normalizer.service(e.getKey(), service, rc);
            defaultNetworkUsed |= normalized.usesDefaultNetwork();
            canonicalServices.put(e.getKey(), normalized.service(), services.keyPosition(e.getKey()));
        }
        out.put("services", canonicalServices.build(), project.keyPosition("services"));

        for (Map.Entry<String, Node> e : project.entries().entrySet()) {
            String key = e.getKey();
            StructRule rule = RESOURCES.get(key);
            if (rule != null) {
                MapNode resources = resources(key, e.getValue(), rule, rc);
                if (!resources.isEmpty()) out.put(key, resources, project.keyPosition(key));
            } else if (key.startsWith("x-")) {
                out.put(key, e.getValue(), project.keyPosition(key));
            }
            // name and services are done; include and extends were applied by the loader, version is obsolete
        }
        Normalizer.project(out, defaultNetworkUsed, rc);
        return out.build();
    }

    private static MapNode resources(String kind, Node value, StructRule rule, RuleContext rc) {
        MapNode declared = Values.map(value, YamlPath.of(kind));
        MapNode.Builder out = MapNode.builder(declared.position());
        for (Map.Entry<String, Node> e : declared.entries().entrySet()) {
            YamlPath path = YamlPath.of(kind, e.getKey());
            out.put(e.getKey(), rule.build(Values.map(e.getValue(), path), path, rc), declared.keyPosition(e.getKey()));
        }
        return out.build();
    }
}
