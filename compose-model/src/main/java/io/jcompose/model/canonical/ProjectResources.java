package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Rules.BOOL;
import static io.jcompose.model.canonical.Rules.BOOL_PTR;
import static io.jcompose.model.canonical.Rules.STRING;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.YamlPath;

/**
 * Top-level {@code networks}, {@code volumes}, {@code secrets}, {@code configs} and {@code models}.
 * The legacy {@code external: {name: x}} becomes {@code external: true} with {@code name: x}; host
 * paths of file-based secrets and configs and of local bind volumes become absolute.
 */
final class ProjectResources {
    private ProjectResources() {
    }

    /** {@code external}: a boolean, or the deprecated mapping whose {@code name} moves up. */
    private static final Rule EXTERNAL = (v, p, rc) -> v instanceof MapNode ? Values.bool(true, v) : BOOL.apply(v, p, rc);

    private static final StructRule.Finisher LEGACY_EXTERNAL_NAME = (out, src, path, rc) -> {
        if (!(src.get("external") instanceof MapNode external) || !external.has("name")) return;
        String legacy = Values.text(external.get("name"), path.key("external").key("name"));
        rc.warn(path + ": external.name is deprecated. Please set name and external: true");
        if (out.get("name") instanceof ScalarNode name && !legacy.equals(name.value())) {
            throw Values.error(external, path.key("external"), "name and external.name conflict; only use name",
                    "remove external.name and keep name");
        }
        out.put("name", Values.str(legacy, external.get("name")), external.keyPosition("name"));
    };

    static final StructRule NETWORK = StructRule.of(
                    "name", STRING,
                    "driver", STRING,
                    "driver_opts", Mappings.STRINGS,
                    "ipam", StructRule.of(
                            "driver", STRING,
                            "config", Rules.list(StructRule.of(
                                    "subnet", STRING,
                                    "gateway", STRING,
                                    "ip_range", STRING,
                                    "aux_addresses", Mappings.STRINGS)),
                            "options", Mappings.STRINGS),
                    "external", EXTERNAL,
                    "internal", BOOL,
                    "attachable", BOOL,
                    "labels", Mappings.STRINGS,
                    "enable_ipv4", BOOL_PTR,
                    "enable_ipv6", BOOL_PTR)
            .then(LEGACY_EXTERNAL_NAME)
            .then((out, src, path, rc) -> {
                // NetworkConfig.Ipam is a struct value: encoding/json always prints it
                if (!out.has("ipam")) out.put("ipam", MapNode.empty(src.position()), src.position());
            });

    static final StructRule VOLUME = StructRule.of(
                    "name", STRING,
                    "driver", STRING,
                    "driver_opts", Mappings.STRINGS,
                    "external", EXTERNAL,
                    "labels", Mappings.STRINGS)
            .then(LEGACY_EXTERNAL_NAME)
            .then(ProjectResources::localBindDevice);

    private static final Rule HOST_FILE = (v, p, rc) -> {
        Node n = STRING.apply(v, p, rc);
        return n instanceof ScalarNode s ? Values.str(rc.paths().maybeUnixPath((String) s.value()), s) : n;
    };

    private static StructRule fileObject(boolean keepContent) {
        return StructRule.of(
                        "name", STRING,
                        "file", HOST_FILE,
                        "environment", STRING,
                        "content", keepContent ? STRING : Rules.DROP,
                        "external", EXTERNAL,
                        "labels", Mappings.STRINGS,
                        "driver", STRING,
                        "driver_opts", Mappings.STRINGS,
                        "template_driver", STRING)
                .then(LEGACY_EXTERNAL_NAME);
    }

    /** Secret content is never printed by compose; config content is (unless it came from the env). */
    static final StructRule SECRET = fileObject(false);

    static final StructRule CONFIG = fileObject(true);

    static final StructRule MODEL = StructRule.of(
            "name", STRING,
            "model", STRING,
            "context_size", Rules.INT,
            "runtime_flags", Rules.STRING_LIST);

    /** A local volume with {@code o: bind} is a bind mount in disguise: its device is a host path. */
    private static void localBindDevice(MapNode.Builder out, MapNode src, YamlPath path, RuleContext rc) {
        if (!(out.get("driver") instanceof ScalarNode d && "local".equals(d.value()))) return;
        if (!(out.get("driver_opts") instanceof MapNode opts)) return;
        if (opts.get("o") instanceof ScalarNode o && "bind".equals(o.value())
                && opts.get("device") instanceof ScalarNode device) {
            String resolved = rc.paths().maybeUnixPath((String) device.value());
            out.put("driver_opts", opts.with("device", Values.str(resolved, device)), src.keyPosition("driver_opts"));
        }
    }
}
