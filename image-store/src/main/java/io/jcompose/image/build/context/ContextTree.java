package io.jcompose.image.build.context;

import io.jcompose.image.build.BuildException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists what one source copies: the source itself, then — for a directory — everything below it in
 * name order, parents before children, with .dockerignore'd entries left out. A directory the rules
 * exclude is still entered when a {@code !} rule may re-include something below it; it is listed only
 * if something below it is.
 */
final class ContextTree {
    /**
     * One entry to copy.
     *
     * @param name relative to the source ({@code ""} for the source itself), slash-separated
     * @param path where it is
     * @param stat its {@code lstat}
     */
    record Entry(String name, Path path, FileStat stat) {
    }

    private final DockerIgnore ignore;

    ContextTree(DockerIgnore ignore) {
        this.ignore = ignore;
    }

    /** The entries of {@code source}, whose real path relative to the context root is {@code realRelative}. */
    List<Entry> entries(Source source, String realRelative) {
        try {
            FileStat stat = FileStat.of(source.path());
            if (stat == null) {
                throw new BuildException("COPY source \"" + source.pattern() + "\" disappeared from the build context while building",
                        "do not change the context during a build, then build again");
            }
            List<Entry> out = new ArrayList<>();
            out.add(new Entry("", source.path(), stat));
            if (stat.isDirectory()) walk(source.path(), realRelative, "", out);
            return out;
        } catch (IOException e) {
            throw new BuildException("cannot read \"" + source.relativePath() + "\" in the build context: " + e.getMessage(),
                    "check its permissions, or exclude it in .dockerignore");
        }
    }

    /** Adds what is below {@code dir}; returns whether anything was added. */
    private boolean walk(Path dir, String realRelative, String name, List<Entry> out) throws IOException {
        List<String> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) children.add(child.getFileName().toString());
        }
        Collections.sort(children);
        boolean added = false;
        for (String child : children) {
            String rel = realRelative.isEmpty() || realRelative.equals(".") ? child : realRelative + "/" + child;
            String childName = name.isEmpty() ? child : name + "/" + child;
            Path path = dir.resolve(child);
            FileStat stat = FileStat.of(path);
            if (stat == null) continue; // removed while we looked
            boolean excluded = ignore.excluded(rel);
            if (stat.isDirectory()) {
                if (excluded && !ignore.mayReinclude(rel)) continue;
                int mark = out.size();
                out.add(new Entry(childName, path, stat));
                boolean below = walk(path, rel, childName, out);
                if (excluded && !below) {
                    out.subList(mark, out.size()).clear();
                    continue;
                }
                added = true;
            } else if (!excluded) {
                out.add(new Entry(childName, path, stat));
                added = true;
            }
        }
        return added;
    }
}
