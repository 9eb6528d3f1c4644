package io.jcompose.model;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A project directory on disk for loader tests: write files, then load with chosen options. */
final class ProjectFixture {
    final Path dir;
    final Map<String, String> env = new HashMap<>();

    ProjectFixture(Path dir) {
        this.dir = dir;
        env.put("HOME", "/home/tester");
    }

    ProjectFixture file(String relative, String content) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProjectFixture env(String key, String value) {
        env.put(key, value);
        return this;
    }

    ProjectOptions options() {
        return ProjectOptions.in(dir, env);
    }

    LoadedProject load() {
        return ProjectLoader.load(options());
    }

    LoadedProject load(List<String> files) {
        return ProjectLoader.load(options().withFiles(files));
    }

    /** The node at a printed path such as {@code services.web.ports[0].published}, or null. */
    static Node at(Node root, String path) {
        Node cur = root;
        for (String seg : YamlPath.parse(path).segments()) {
            if (seg.startsWith("[")) {
                if (!(cur instanceof SeqNode s)) return null;
                int i = Integer.parseInt(seg.substring(1, seg.length() - 1));
                cur = i < s.size() ? s.get(i) : null;
            } else {
                if (!(cur instanceof MapNode m)) return null;
                cur = m.get(seg);
            }
            if (cur == null) return null;
        }
        return cur;
    }

    static Object value(Node root, String path) {
        Node n = at(root, path);
        return n instanceof ScalarNode s ? s.value() : n;
    }
}
