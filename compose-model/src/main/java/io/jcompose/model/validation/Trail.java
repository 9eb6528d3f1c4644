package io.jcompose.model.validation;

import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The way from the document root to the node being checked, as a parent-linked list: one small
 * object per step, turned into a {@link YamlPath} only when an error or warning is reported.
 *
 * @param key   the mapping key of this step, or null for a sequence index
 * @param index the sequence index of this step when {@code key} is null
 */
record Trail(Trail parent, String key, int index, int depth) {
    static final Trail ROOT = new Trail(null, null, -1, 0);

    Trail key(String k) {
        return new Trail(this, k, -1, depth + 1);
    }

    Trail index(int i) {
        return new Trail(this, null, i, depth + 1);
    }

    YamlPath toPath() {
        List<String> segments = new ArrayList<>(depth);
        for (Trail t = this; t.parent != null; t = t.parent) {
            segments.add(t.key != null ? t.key : "[" + t.index + "]");
        }
        Collections.reverse(segments);
        return new YamlPath(segments);
    }

    @Override
    public String toString() {
        return toPath().toString();
    }
}
