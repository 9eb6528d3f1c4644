package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.List;

/**
 * What a service mounts or reads from the host: {@code volumes}, {@code secrets}/{@code configs}
 * references, {@code devices} and {@code env_file}, in compose-go's long form with host paths
 * resolved against the project directory.
 */
final class Mounts {
    private Mounts() {
    }

    private static final StructRule LONG_VOLUME = StructRule.of(
                    "type", Rules.STRING,
                    "source", Rules.STRING,
                    "target", Rules.STRING,
                    "read_only", Rules.BOOL,
                    "consistency", Rules.STRING,
                    "bind", StructRule.of(
                            "selinux", Rules.STRING,
                            "propagation", Rules.STRING,
                            "create_host_path", Rules.BOOL,
                            "recursive", Rules.STRING),
                    "volume", StructRule.of(
                            "labels", Mappings.STRINGS,
                            "nocopy", Rules.BOOL,
                            "subpath", Rules.STRING),
                    "tmpfs", StructRule.of(
                            "size", Rules.BYTES,
                            "mode", Rules.INT),
                    "image", StructRule.of("subpath", Rules.STRING))
            .then(Mounts::finishVolume);

    static final Rule VOLUMES = Rules.list((v, p, rc) -> switch (v) {
        case ScalarNode s when s.value() instanceof String spec -> {
            MapNode parsed;
            try {
                parsed = VolumeSpec.parse(spec, s);
            } catch (IllegalArgumentException e) {
                throw Values.error(s, p, e.getMessage(), "write SOURCE:TARGET[:MODE], e.g. ./data:/data:ro");
            }
            yield LONG_VOLUME.build(parsed, p, rc);
        }
        default -> LONG_VOLUME.apply(v, p, rc);
    });

    private static void finishVolume(MapNode.Builder out, MapNode src, YamlPath path, RuleContext rc) {
        if (out.get("target") instanceof ScalarNode t && t.value() instanceof String target) {
            out.put("target", Values.str(GoPath.clean(target), t), src.keyPosition("target"));
        }
        if (out.get("type") instanceof ScalarNode t && "bind".equals(t.value())) {
            if (!(out.get("source") instanceof ScalarNode s && s.value() instanceof String source)) {
                throw Values.error(src, path, "invalid mount config for type \"bind\": field Source must not be empty",
                        "give the bind mount a source path");
            }
            out.put("source", Values.str(rc.paths().maybeUnixPath(source), s), src.keyPosition("source"));
        }
    }

    /** {@code FileMode}: octal, printed as Go's {@code "0%o"} string ({@code 0440} stays {@code "0440"}). */
    static final Rule FILE_MODE = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        long mode;
        if (v instanceof ScalarNode s && s.value() instanceof String text) {
            try {
                mode = Long.parseLong(text, 8);
            } catch (NumberFormatException e) {
                throw Values.error(v, p, "invalid file mode \"" + text + "\"", "write an octal mode such as 0440");
            }
        } else {
            mode = Values.integer(v, p);
        }
        return Values.str("0" + Long.toOctalString(mode), v);
    };

    /** Service {@code secrets}: the target defaults to {@code /run/secrets/<source>}. */
    static final Rule SECRETS = Rules.list(fileReference(true));

    /** Service {@code configs}: no default target (the engine mounts them at {@code /<source>}). */
    static final Rule CONFIGS = Rules.list(fileReference(false));

    private static Rule fileReference(boolean secretTarget) {
        StructRule rule = StructRule.of(
                "source", Rules.STRING,
                "target", Rules.STRING,
                "uid", Rules.STRING,
                "gid", Rules.STRING,
                "mode", FILE_MODE);
        if (secretTarget) {
            rule = rule.then((out, src, path, rc) -> {
                if (!out.has("target") && out.get("source") instanceof ScalarNode s) {
                    out.put("target", Values.str("/run/secrets/" + s.value(), s), src.position());
                }
            });
        }
        StructRule longForm = rule;
        return (v, p, rc) -> {
            if (v instanceof ScalarNode s && !Values.isNull(s)) {
                MapNode.Builder b = MapNode.builder(s.position());
                b.put("source", Values.str(Values.text(s, p), s));
                return longForm.build(b.build(), p, rc);
            }
            return longForm.apply(v, p, rc);
        };
    }

    /** {@code devices}: {@code host[:container[:permissions]]}, permissions defaulting to {@code rwm}. */
    private static final StructRule LONG_DEVICE =
            StructRule.of("source", Rules.STRING, "target", Rules.STRING, "permissions", Rules.STRING);

    static final Rule DEVICES = Rules.list((v, p, rc) -> {
        if (v instanceof MapNode m) return LONG_DEVICE.build(m, p, rc);
        String spec = Values.text(v, p);
        String[] parts = spec.split(":", -1);
        if (parts.length > 3) {
            throw Values.error(v, p, "confusing device mapping, please use long syntax: " + spec,
                    "write {source: ..., target: ..., permissions: ...}");
        }
        MapNode.Builder b = MapNode.builder(v.position());
        b.put("source", Values.str(parts[0], v));
        b.put("target", Values.str(parts.length > 1 && !parts[1].isEmpty() ? parts[1] : parts[0], v));
        b.put("permissions", Values.str(parts.length > 2 ? parts[2] : "rwm", v));
        return b.build();
    });

    private static final StructRule ENV_FILE = StructRule.of(
                    "path", (Rule) (v, p, rc) -> Values.str(rc.paths().absPath(Values.text(v, p)), v),
                    "required", Rules.BOOL_PTR,
                    "format", Rules.STRING)
            .then((out, src, path, rc) -> {
                if (!out.has("required")) out.put("required", Values.bool(true, src), src.position());
            });

    /** {@code env_file}: one path or a list of paths / {@code {path, required, format}}; required by default. */
    static final Rule ENV_FILES = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        List<Node> items = v instanceof ScalarNode ? List.of(v) : Values.items(v, p);
        Rule item = (n, at, c) -> {
            if (n instanceof MapNode m) return ENV_FILE.build(m, at, c);
            MapNode.Builder b = MapNode.builder(n.position());
            b.put("path", n);
            return ENV_FILE.build(b.build(), at, c);
        };
        return Rules.list(item).apply(SeqNode.of(items, v.position()), p, rc);
    };
}
