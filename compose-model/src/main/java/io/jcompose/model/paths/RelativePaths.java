package io.jcompose.model.paths;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the relative paths of a service (or of a whole project) absolute against a base directory, in the
 * short or long syntax users wrote. Used where a definition moves away from the directory it was written
 * for: a service pulled in by {@code extends: {file: …}} and a project pulled in by {@code include}. The
 * project's own relative paths are resolved later, by the canonical form, against the project directory.
 */
public final class RelativePaths {
    private RelativePaths() {
    }

    /** Absolutizes the top-level {@code secrets}/{@code configs} files and every service of a project tree. */
    public static MapNode absolutizeProject(MapNode project, Path base) {
        MapNode out = project;
        if (project.get("services") instanceof MapNode services) {
            MapNode.Builder b = services.toBuilder();
            for (var e : services.entries().entrySet()) {
                if (e.getValue() instanceof MapNode s) b.put(e.getKey(), absolutizeService(s, base),
                        services.keyPosition(e.getKey()));
            }
            out = out.with("services", b.build());
        }
        for (String kind : List.of("secrets", "configs")) {
            if (out.get(kind) instanceof MapNode resources) {
                MapNode.Builder b = resources.toBuilder();
                for (var e : resources.entries().entrySet()) {
                    if (e.getValue() instanceof MapNode r && r.get("file") instanceof ScalarNode f && f.isString()) {
                        b.put(e.getKey(), r.with("file", path(f, base)), resources.keyPosition(e.getKey()));
                    }
                }
                out = out.with(kind, b.build());
            }
        }
        return out;
    }

    public static MapNode absolutizeService(MapNode service, Path base) {
        MapNode out = service;
        Node build = service.get("build");
        if (build instanceof ScalarNode s && s.isString() && isLocal(s.text())) {
            out = out.with("build", path(s, base));
        } else if (build instanceof MapNode b && b.get("context") instanceof ScalarNode c && c.isString()
                && isLocal(c.text())) {
            out = out.with("build", b.with("context", path(c, base)));
        }
        if (service.get("env_file") instanceof Node envFile) out = out.with("env_file", fileList(envFile, base));
        if (service.get("label_file") instanceof Node labelFile) {
            out = out.with("label_file", fileList(labelFile, base));
        }
        if (service.get("volumes") instanceof SeqNode volumes) {
            List<Node> items = new ArrayList<>();
            for (Node v : volumes.items()) items.add(volume(v, base));
            out = out.with("volumes", volumes.withItems(items));
        }
        return out;
    }

    private static Node fileList(Node node, Path base) {
        return switch (node) {
            case ScalarNode s when s.isString() -> path(s, base);
            case SeqNode seq -> seq.withItems(seq.items().stream().map(n -> fileList(n, base)).toList());
            case MapNode m when m.get("path") instanceof ScalarNode p && p.isString() -> m.with("path", path(p, base));
            default -> node;
        };
    }

    private static Node volume(Node v, Path base) {
        if (v instanceof ScalarNode s && s.isString()) {
            String text = s.text();
            int colon = text.indexOf(':');
            if (colon > 0 && text.startsWith(".")) {
                String source = base.resolve(text.substring(0, colon)).normalize().toString();
                return s.withValue(source + text.substring(colon));
            }
            return v;
        }
        if (v instanceof MapNode m && m.get("type") instanceof ScalarNode t && "bind".equals(t.value())
                && m.get("source") instanceof ScalarNode src && src.isString() && src.text().startsWith(".")) {
            return m.with("source", path(src, base));
        }
        return v;
    }

    private static ScalarNode path(ScalarNode s, Path base) {
        String text = s.text();
        if (text.startsWith("/") || text.startsWith("~")) return s;
        return s.withValue(base.resolve(text).normalize().toString());
    }

    /** A build context that is a directory (not a git/http URL or another service's image). */
    private static boolean isLocal(String context) {
        return !(context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/")
                || context.startsWith("service:") || context.startsWith("docker-image:"));
    }
}
