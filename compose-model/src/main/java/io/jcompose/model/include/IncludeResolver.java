package io.jcompose.model.include;

import io.jcompose.model.ModelException;
import io.jcompose.model.discovery.EnvFiles;
import io.jcompose.model.merge.Merger;
import io.jcompose.model.paths.RelativePaths;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the top-level {@code include} of one file. Each entry is loaded as a project of its own: its
 * own project directory (the first included file's directory unless {@code project_directory}), its own
 * env files ({@code env_file}, else that directory's {@code .env}) under the including project's
 * environment, its own includes (a cycle is an error). Its relative paths are made absolute against its
 * project directory, then its services and resources are copied in; where the including file defines
 * the same one, that definition is merged over the included one.
 */
public final class IncludeResolver {
    /** Loads one file of an included project with that project's environment. */
    public interface Loader {
        MapNode load(Path file, Map<String, String> environment, List<Path> includeChain);
    }

    private static final List<String> KINDS = List.of("services", "networks", "volumes", "secrets", "configs");
    private final Loader loader;

    public IncludeResolver(Loader loader) {
        this.loader = loader;
    }

    public MapNode apply(MapNode file, Path directory, Map<String, String> environment, List<Path> chain) {
        if (!(file.get("include") instanceof SeqNode entries)) return file.without("include");
        MapNode result = file.without("include");
        int i = 0;
        for (Node entry : entries.items()) {
            YamlPath path = YamlPath.of("include").index(i++);
            MapNode included = loadEntry(entry, path, directory, environment, chain);
            result = mergeInto(result, included);
        }
        return result;
    }

    private MapNode loadEntry(Node entry, YamlPath path, Path directory, Map<String, String> environment,
                              List<Path> chain) {
        List<String> files = new ArrayList<>();
        String projectDirectory = null;
        List<String> envFiles = new ArrayList<>();
        if (entry instanceof ScalarNode s && s.isString()) {
            files.add(s.text());
        } else if (entry instanceof MapNode m) {
            strings(m.get("path"), files);
            if (m.get("project_directory") instanceof ScalarNode d && d.isString()) projectDirectory = d.text();
            strings(m.get("env_file"), envFiles);
        }
        if (files.isEmpty()) {
            throw new ModelException(entry.position(), path, "include entry names no file",
                    "write include: [path/to/compose.yaml] or include: [{path: …}]");
        }
        List<Path> paths = files.stream().map(f -> directory.resolve(f).normalize()).toList();
        for (Path p : paths) {
            if (chain.contains(p)) {
                List<String> names = new ArrayList<>(chain.subList(chain.indexOf(p), chain.size())
                        .stream().map(Path::toString).toList());
                names.add(p.toString());
                throw new ModelException(entry.position(), path, "include cycle: " + String.join(" -> ", names),
                        "remove the include that points back");
            }
            if (!Files.isRegularFile(p)) {
                throw new ModelException(entry.position(), path, "included file " + p + " does not exist",
                        "check the include path (relative to " + directory + ")");
            }
        }
        Path projectDir = projectDirectory != null ? directory.resolve(projectDirectory).normalize()
                : paths.getFirst().getParent();
        List<Path> envPaths = envFiles.isEmpty()
                ? (Files.isRegularFile(projectDir.resolve(".env")) ? List.of(projectDir.resolve(".env")) : List.of())
                : envFiles.stream().map(f -> directory.resolve(f).normalize()).toList();
        Map<String, String> env = new HashMap<>(environment);
        EnvFiles.addTo(env, envPaths);

        MapNode merged = null;
        for (Path p : paths) {
            List<Path> next = new ArrayList<>(chain);
            next.add(p);
            MapNode tree = loader.load(p, env, next);
            merged = merged == null ? tree : (MapNode) Merger.merge(merged, tree, YamlPath.ROOT);
        }
        return RelativePaths.absolutizeProject(merged, projectDir);
    }

    private static MapNode mergeInto(MapNode parent, MapNode included) {
        MapNode result = parent;
        for (String kind : KINDS) {
            if (!(included.get(kind) instanceof MapNode theirs)) continue;
            MapNode ours = result.get(kind) instanceof MapNode m ? m : MapNode.empty(theirs.position());
            MapNode.Builder b = MapNode.builder(ours.position());
            for (var e : theirs.entries().entrySet()) {
                String key = e.getKey();
                Node value = ours.has(key)
                        ? Merger.merge(e.getValue(), ours.get(key), YamlPath.of(kind, key))
                        : e.getValue();
                b.put(key, value, ours.has(key) ? ours.keyPosition(key) : theirs.keyPosition(key));
            }
            for (var e : ours.entries().entrySet()) {
                if (!theirs.has(e.getKey())) b.put(e.getKey(), e.getValue(), ours.keyPosition(e.getKey()));
            }
            result = result.with(kind, b.build());
        }
        return result;
    }

    private static void strings(Node node, List<String> out) {
        if (node instanceof ScalarNode s && s.isString()) out.add(s.text());
        else if (node instanceof SeqNode seq) {
            for (Node n : seq.items()) if (n instanceof ScalarNode s && s.isString()) out.add(s.text());
        }
    }
}
