package io.jcompose.model.merge;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.YamlPath;
import java.util.Objects;

/**
 * The Compose merge rules, used wherever one definition is laid over another: the files given with
 * several {@code -f}, a service over the one it {@code extends}, a definition over the resource an
 * {@code include} brought in. Pure functions over immutable trees; the result keeps the position of
 * whichever value won, so later errors still point into the right file.
 *
 * <p>A whole project loads as: {@code stripResetTags} on the first file, {@code merge} of each next
 * file over the result at {@link YamlPath#ROOT}, and {@code enforceUnicity} after the first file and
 * after each merge. For example
 * <pre>
 *   base:      services: {web: {image: app, environment: [A=1], ports: ["8080:80"]}}
 *   override:  services: {web: {environment: {A: 2, B: 3}, ports: [{target: 80, published: 8080}]}}
 *   result:    services: {web: {image: app, environment: [A=2, B=3], ports: [{target: 80, published: 8080}]}}
 * </pre>
 */
public final class Merger {
    private Merger() {}

    /**
     * Lays {@code override} over {@code base}, both found at {@code at} ({@link YamlPath#ROOT} for
     * whole files, {@code services.<name>} when a service extends another). The override may use
     * {@code !reset} (the value is removed, leaving the default) and {@code !override} (the value
     * replaces the earlier one without merging) at any depth; tags left in {@code base} are cleaned
     * as in {@link #stripResetTags}. An override that is itself tagged {@code !reset} yields a null
     * scalar: nothing remains of either side.
     *
     * @throws ModelException when compose cannot merge the two kinds met (a list over a mapping...),
     *     at the override's position
     */
    public static Node merge(Node base, Node override, YamlPath at) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(at, "at");
        if (ResetTags.isReset(override)) return new ScalarNode(null, override.position(), null);
        if (ResetTags.isOverride(override)) return ResetTags.clean(override);
        return TreeMerge.merge(ResetTags.clean(base), override, at);
    }

    /**
     * A file with nothing beneath it: {@code !reset} mapping entries and sequence items are removed
     * (compose-go drops them from every file, the first one included) and {@code !override} tags are
     * dropped, keeping their values. A root tagged {@code !reset} yields a null scalar.
     */
    public static Node stripResetTags(Node root) {
        return ResetTags.clean(Objects.requireNonNull(root, "root"));
    }

    /**
     * De-duplicates the lists whose entries compose keys by something (environment by variable,
     * ports by host IP, published and target port and protocol, volumes by container path...): a
     * later entry replaces the earlier one with the same key, in the earlier one's place. Run after
     * all merges; a single file with duplicates is cleaned the same way.
     */
    public static MapNode enforceUnicity(MapNode project) {
        return Unicity.enforce(Objects.requireNonNull(project, "project"));
    }
}
