package io.jcompose.scheduler.testing;

import io.jcompose.model.LoadedProject;
import io.jcompose.model.ProjectLoader;
import io.jcompose.model.ProjectOptions;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.ProjectBinder;
import io.jcompose.model.render.ConfigHash;
import io.jcompose.model.tree.MapNode;
import io.jcompose.scheduler.plan.Desired;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Projects for tests, loaded through the real model pipeline from a compose text. */
public final class Projects {
    private Projects() {
    }

    private static final Path BASE;

    static {
        try {
            BASE = Files.createTempDirectory("jcompose-sched");
            BASE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code yaml} as {@code compose.yaml} of project {@code demo}, always from the same directory. */
    public static Desired load(String yaml) {
        return loadIn(BASE.resolve("demo"), yaml);
    }

    /** The same, from another directory: another checkout of a project with the same name. */
    public static Desired loadElsewhere(String yaml) {
        return loadIn(BASE.resolve("elsewhere"), yaml);
    }

    private static Desired loadIn(Path dir, String yaml) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                dir.toFile().deleteOnExit();
                dir.resolve("compose.yaml").toFile().deleteOnExit();
            }
            Files.writeString(dir.resolve("compose.yaml"), "name: demo\n" + yaml);
            LoadedProject loaded = ProjectLoader.load(ProjectOptions.in(dir, Map.of()));
            Project project = ProjectBinder.bind(loaded);
            Map<String, String> hashes = new LinkedHashMap<>();
            MapNode services = (MapNode) loaded.canonical().get("services");
            for (String name : project.services().keySet()) hashes.put(name, ConfigHash.of((MapNode) services.get(name)));
            return new Desired(project, hashes, List.copyOf(loaded.configFiles()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Project project(String yaml) {
        return load(yaml).project();
    }
}
