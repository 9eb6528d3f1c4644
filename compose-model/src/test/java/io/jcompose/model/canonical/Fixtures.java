package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A fixed project context for tests: project {@code demo} in {@code /work/dir}, home {@code /home/me}. */
final class Fixtures {
    static final Path DIR = Path.of("/work/dir");
    static final Path HOME = Path.of("/home/me");
    static final Map<String, String> ENV = Map.of("SET", "from-env", "QUX", "qux_from_environment", "EMPTY", "");

    private Fixtures() {
    }

    static CanonicalContext context(List<String> warnings) {
        return new CanonicalContext("demo", DIR, HOME, ENV::get, true, warnings::add);
    }

    static MapNode canonical(String projectYaml) {
        return Canonicalizer.canonicalize(TestYaml.parse(projectYaml), context(new java.util.ArrayList<>()));
    }

    /** The canonical form of one service written as a YAML flow mapping. */
    static MapNode service(String serviceYaml) {
        MapNode project = canonical("services:\n  s: " + serviceYaml + "\n");
        return (MapNode) ((MapNode) project.get("services")).get("s");
    }

    /** Parses JSON (a YAML subset) into a tree, for expectations. */
    static Node json(String json) {
        return TestYaml.parse("v: " + json).get("v");
    }
}
