package io.jcompose.model.render;

import io.jcompose.model.tree.MapNode;

/**
 * Prints a canonical project (see {@code io.jcompose.model.canonical.Canonicalizer}) the way
 * {@code docker compose config} does. JSON is {@code json.MarshalIndent} of {@code types.Project}
 * without a trailing newline; YAML is go-yaml's block style with a final newline. Both escape every
 * {@code $} as {@code $$} so that the output, loaded again, interpolates back to the same values.
 */
public final class ConfigRenderer {
    private ConfigRenderer() {
    }

    public static String json(MapNode canonical) {
        return escapeDollars(JsonWriter.write(canonical, Shapes.PROJECT, true, true));
    }

    public static String yaml(MapNode canonical) {
        return escapeDollars(YamlWriter.write(canonical, Shapes.PROJECT));
    }

    /** One service in compact JSON, Go field order, extensions left out: the bytes the config hash digests. */
    static String compactService(MapNode service) {
        return JsonWriter.write(service, Shapes.SERVICE, false, false);
    }

    private static String escapeDollars(String text) {
        return text.indexOf('$') < 0 ? text : text.replace("$", "$$");
    }
}
