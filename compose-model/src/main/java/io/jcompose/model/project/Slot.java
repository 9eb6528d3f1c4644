package io.jcompose.model.project;

import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a node sits, as a parent-linked chain that becomes a {@link YamlPath} only when an error needs it.
 * Binding walks thousands of nodes; building a path list for each would cost more than the binding itself.
 */
record Slot(Slot parent, String key, int index) {
    static final Slot ROOT = new Slot(null, null, -1);

    Slot key(String k) {
        return new Slot(this, k, -1);
    }

    Slot index(int i) {
        return new Slot(this, null, i);
    }

    YamlPath path() {
        List<String> segments = new ArrayList<>();
        for (Slot s = this; s.parent != null; s = s.parent) {
            segments.add(s.key != null ? s.key : "[" + s.index + "]");
        }
        return new YamlPath(segments.reversed());
    }
}
