package io.jcompose.model;

import io.jcompose.model.canonical.CanonicalContext;
import io.jcompose.model.canonical.Canonicalizer;
import io.jcompose.model.consistency.ConsistencyChecker;
import io.jcompose.model.discovery.ConfigFile;
import io.jcompose.model.discovery.Workspace;
import io.jcompose.model.discovery.WorkspaceResolver;
import io.jcompose.model.environment.ServiceEnvironment;
import io.jcompose.model.extend.ExtendsResolver;
import io.jcompose.model.include.IncludeResolver;
import io.jcompose.model.interpolation.Interpolator;
import io.jcompose.model.interpolation.Template;
import io.jcompose.model.merge.Merger;
import io.jcompose.model.naming.ProjectNames;
import io.jcompose.model.profiles.ProfileSelection;
import io.jcompose.model.profiles.UnusedResources;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import io.jcompose.model.validation.ValidatedFiles;
import io.jcompose.model.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * Loads a Compose project: the phases of docs/model-loading.md, in that order.
 *
 * <pre>{@code
 * LoadedProject p = ProjectLoader.load(ProjectOptions.in(Path.of("."), System.getenv()));
 * p.canonical();   // what `jcompose config` prints
 * }</pre>
 *
 * A load reads files and nothing else; it either returns a complete project or throws one
 * {@link ModelException} that says where, what and how to fix it.
 */
public final class ProjectLoader {
    private final ProjectOptions options;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Consumer<String> warn = warnings::add;

    private ProjectLoader(ProjectOptions options) {
        this.options = options;
    }

    public static LoadedProject load(ProjectOptions options) {
        return new ProjectLoader(options).run();
    }

    /** The variables the files use, as {@code config --variables} lists them (files read, not interpolated). */
    public static List<Template.Variable> variables(ProjectOptions options) {
        Workspace workspace = WorkspaceResolver.resolve(options, w -> { });
        Map<String, Template.Variable> out = new LinkedHashMap<>();
        for (ConfigFile file : workspace.files()) {
            for (Node doc : YamlLoader.loadAll(file.content(), file.name())) {
                for (Template.Variable v : Interpolator.variables(doc)) out.merge(v.name(), v, Template.Variable::combine);
            }
        }
        return List.copyOf(out.values());
    }

    private LoadedProject run() {
        // 0. discovery: files, project directory, environment (.env), profiles, explicit name
        Workspace workspace = WorkspaceResolver.resolve(options, warn);
        // 1. parse every file
        List<ConfigFile> files = workspace.files();
        List<MapNode> parsed = new ArrayList<>(files.size());
        for (ConfigFile file : files) parsed.add(parse(file.content(), file.name()));
        // 2. project name (needs the files' own name:, interpolated), exposed to interpolation
        Map<String, String> env = new HashMap<>(workspace.environment());
        String name = ProjectNames.resolve(workspace.explicitName(), nameFromFiles(parsed, env),
                workspace.projectDirectory());
        env.put("COMPOSE_PROJECT_NAME", name);
        // 3-7. per file: interpolate, validate, include, extends
        MapNode merged = null;
        for (int i = 0; i < files.size(); i++) {
            ConfigFile file = files.get(i);
            List<Path> chain = file.name().equals("-") ? List.of() : List.of(Path.of(file.name()));
            MapNode tree = process(parsed.get(i), file.directory(), Path.of(file.name()), env, chain);
            // 8-9. merge the -f files in order, lists made unique after each step (as docker compose does)
            merged = Merger.enforceUnicity(merged == null ? tree : (MapNode) Merger.merge(merged, tree, YamlPath.ROOT));
        }
        merged = (MapNode) Merger.stripResetTags(merged);
        SortedSet<String> allProfiles = ProfileSelection.allProfiles(merged);
        if (!options.interpolate()) {
            // Values may still hold ${VAR}: the merged model is all that can be shown (config --no-interpolate).
            return new LoadedProject(name, workspace.projectDirectory(),
                    files.stream().map(ConfigFile::name).toList(), merged.with("name", ScalarNode.of(name)), env,
                    allProfiles, List.copyOf(warnings));
        }
        // 10. canonical long form: defaults, names, absolute paths
        MapNode canonical = Canonicalizer.canonicalize(merged, new CanonicalContext(name,
                workspace.projectDirectory(), options.homeDirectory(), env::get, options.resolvePaths(), warn));
        // 11. profiles and selected services
        canonical = ProfileSelection.apply(canonical, workspace.profiles(), options.targetServices());
        // 11b. container environment of the active services: env_file under environment, bare keys resolved
        canonical = ServiceEnvironment.resolve(canonical, env::get);
        // 12. consistency across the project, then only the resources the active services use
        ConsistencyChecker.check(canonical);
        canonical = UnusedResources.prune(canonical);
        return new LoadedProject(name, workspace.projectDirectory(), files.stream().map(ConfigFile::name).toList(),
                canonical, env, allProfiles, List.copyOf(warnings));
    }

    /** Steps 3-7 for one file; also used for included and extended files. */
    private MapNode process(MapNode tree, Path directory, Path fileName, Map<String, String> env, List<Path> chain) {
        if (options.interpolate()) tree = (MapNode) Interpolator.interpolate(tree, env::get, warn);
        ValidatedFiles.validate(tree, warn);
        tree = new IncludeResolver((path, includeEnv, includeChain) ->
                process(parse(read(path), path.toString()), path.getParent(), path, includeEnv, includeChain))
                .apply(tree, directory, env, chain);
        Map<Path, MapNode> others = new HashMap<>();
        tree = new ExtendsResolver(path -> others.computeIfAbsent(path, p -> {
            MapNode other = parse(read(p), p.toString());
            if (options.interpolate()) other = (MapNode) Interpolator.interpolate(other, env::get, warn);
            ValidatedFiles.validate(other, warn);
            return other;
        })).apply(tree, fileName, directory);
        return tree;
    }

    private static MapNode parse(String content, String fileName) {
        List<Node> docs = YamlLoader.loadAll(content, fileName);
        if (docs.isEmpty()) {
            throw new ModelException(new Position(fileName, 0, 0), null, "empty compose file",
                    "add at least a services: section");
        }
        MapNode merged = null;
        for (Node doc : docs) {
            if (!(doc instanceof MapNode m)) {
                throw new ModelException(doc.position(), null, "top-level object must be a mapping, not "
                        + doc.kind(), "start the file with keys such as services:");
            }
            merged = merged == null ? m : (MapNode) Merger.merge(merged, m, YamlPath.ROOT);
        }
        return merged;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ModelException.of("cannot read " + path + ": " + e.getMessage(), "check the path");
        }
    }

    /** The top-level name: of the last file that sets one, interpolated. */
    private String nameFromFiles(List<MapNode> parsed, Map<String, String> env) {
        String name = null;
        for (MapNode file : parsed) {
            if (file.get("name") instanceof ScalarNode s && !s.isNull() && !s.text().isEmpty()) {
                name = options.interpolate()
                        ? ((ScalarNode) Interpolator.interpolate(s, env::get, warn)).text() : s.text();
            }
        }
        return name;
    }

}
