package io.jcompose.model.extend;

import io.jcompose.model.ModelException;
import io.jcompose.model.merge.Merger;
import io.jcompose.model.paths.RelativePaths;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Resolves {@code extends} in one file: each service that extends another (in the same file or in
 * {@code file:}, relative to the file that says so) becomes the base service merged with its own
 * definition, by the same rules as {@code -f} files. Chains resolve from the far end; a cycle is an error
 * naming the whole chain. The base's relative paths are made absolute against the base file's directory,
 * since the result lives in another file.
 */
public final class ExtendsResolver {
    private final Function<Path, MapNode> files;

    /** @param files loads another compose file (parsed, interpolated, validated; its extends unresolved) */
    public ExtendsResolver(Function<Path, MapNode> files) {
        this.files = files;
    }

    public MapNode apply(MapNode file, Path fileName, Path directory) {
        if (!(file.get("services") instanceof MapNode services)) return file;
        boolean any = services.entries().values().stream()
                .anyMatch(s -> s instanceof MapNode m && m.has("extends"));
        if (!any) return file;
        MapNode.Builder b = services.toBuilder();
        for (String name : services.keys()) {
            if (services.get(name) instanceof MapNode s && s.has("extends")) {
                b.put(name, resolve(name, file, fileName, directory, new ArrayList<>()), services.keyPosition(name));
            }
        }
        return file.with("services", b.build());
    }

    private MapNode resolve(String name, MapNode file, Path fileName, Path directory, List<String> chain) {
        MapNode services = (MapNode) file.get("services");
        MapNode service = (MapNode) services.get(name);
        Node ext = service.get("extends");
        if (ext == null) return service;
        YamlPath path = YamlPath.of("services", name, "extends");
        String key = fileName + "#" + name;
        if (chain.contains(key)) {
            List<String> names = new ArrayList<>();
            for (String c : chain.subList(chain.indexOf(key), chain.size())) names.add(c.substring(c.indexOf('#') + 1));
            names.add(name);
            throw new ModelException(ext.position(), path, "circular reference with extends: "
                    + String.join(" -> ", names), "remove one of the extends so the chain ends");
        }
        chain.add(key);
        String baseName;
        String baseFile = null;
        if (ext instanceof ScalarNode s && s.isString()) {
            baseName = s.text();
        } else if (ext instanceof MapNode m && m.get("service") instanceof ScalarNode s) {
            baseName = s.text();
            if (m.get("file") instanceof ScalarNode f && !f.isNull()) baseFile = f.text();
        } else {
            throw new ModelException(ext.position(), path, "extends must name a service",
                    "write extends: {service: NAME, file: OTHER.yaml} or extends: NAME");
        }
        MapNode baseTree = file;
        Path baseFileName = fileName;
        Path baseDir = directory;
        if (baseFile != null) {
            baseFileName = directory.resolve(baseFile).normalize();
            baseTree = files.apply(baseFileName);
            baseDir = baseFileName.getParent();
        }
        if (!(baseTree.get("services") instanceof MapNode baseServices)
                || !(baseServices.get(baseName) instanceof MapNode)) {
            throw new ModelException(ext.position(), path.key("service"), "cannot extend service \"" + baseName
                    + "\": no such service in " + baseFileName, "check the service name and the file");
        }
        MapNode base = resolve(baseName, baseTree, baseFileName, baseDir, chain);
        chain.removeLast();
        if (!baseDir.equals(directory)) base = RelativePaths.absolutizeService(base, baseDir);
        Node merged = Merger.merge(base, service.without("extends"), YamlPath.of("services", name));
        return (MapNode) merged;
    }
}
