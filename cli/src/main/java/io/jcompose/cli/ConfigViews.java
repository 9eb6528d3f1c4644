package io.jcompose.cli;

import io.jcompose.model.LoadedProject;
import io.jcompose.model.ProjectLoader;
import io.jcompose.model.ProjectOptions;
import io.jcompose.model.interpolation.Template;
import io.jcompose.model.render.ConfigHash;
import io.jcompose.model.render.ConfigRenderer;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code jcompose config} prints, one method per view, each loading the project the way
 * {@code docker compose config} does for it (cmd/compose/config.go): the full render, {@code --profiles},
 * {@code --images} and {@code --environment} honour the SERVICE arguments; {@code --services},
 * {@code --volumes}, {@code --networks} and {@code --hash} list the whole project; {@code --variables} reads
 * the files without interpolating them.
 */
final class ConfigViews {
    private final ConfigCommand command;
    private final CliContext context;
    private final PrintWriter out;
    private final PrintWriter err;

    ConfigViews(ConfigCommand command, CliContext context, PrintWriter out, PrintWriter err) {
        this.command = command;
        this.context = context;
        this.out = out;
        this.err = err;
    }

    void print() {
        ConfigCommand.View view = command.view;
        if (view.services) services();
        else if (view.volumes) topLevelKeys("volumes");
        else if (view.networks) topLevelKeys("networks");
        else if (view.hash != null) hashes(view.hash);
        else if (view.profiles) profiles();
        else if (view.images) images();
        else if (view.variables) variables();
        else if (view.environment) environment();
        else render();
    }

    private ProjectOptions options(boolean withServiceArguments) {
        ProjectOptions options = ProjectLoading.options(command.root.global(), context)
                .withInterpolate(!command.noInterpolate)
                .withResolvePaths(!command.noPathResolution);
        return withServiceArguments ? options.withTargetServices(command.services) : options;
    }

    private LoadedProject load(boolean withServiceArguments) {
        return ProjectLoading.load(options(withServiceArguments), err);
    }

    /**
     * The whole project. The renderer writes every {@code $} as {@code $$}, so that interpolated output loads
     * back unchanged; with {@code --no-interpolate} the {@code ${VARIABLE}} references are meant to stay
     * references, so the doubling is undone (exactly: every {@code $$} in the text came from one {@code $}).
     */
    private void render() {
        LoadedProject project = load(true);
        String text = command.format == ConfigCommand.Format.json
                ? ConfigRenderer.json(project.canonical())
                : ConfigRenderer.yaml(project.canonical());
        if (command.noInterpolate) text = text.replace("$$", "$");
        out.print(text);
    }

    /** Dependencies before their dependents, otherwise in the project's order (docker compose's order too). */
    private void services() {
        MapNode services = section(load(false).canonical(), "services");
        Set<String> printed = new LinkedHashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String name : services.keys()) visit(services, name, printed, visiting);
        printed.forEach(out::println);
    }

    private static void visit(MapNode services, String name, Set<String> done, Set<String> visiting) {
        // visiting guards against cycles, which the loader rejects anyway.
        if (done.contains(name) || !services.has(name) || !visiting.add(name)) return;
        for (String dependency : section(services.get(name), "depends_on").keys()) {
            visit(services, dependency, done, visiting);
        }
        done.add(name);
    }

    private void topLevelKeys(String section) {
        section(load(false).canonical(), section).keys().forEach(out::println);
    }

    /** {@code svc hash} lines sorted by service name; {@code *} means every service. */
    private void hashes(String selection) {
        MapNode services = section(load(false).canonical(), "services");
        List<String> names = selection.equals("*") ? new ArrayList<>(services.keys())
                : new ArrayList<>(Arrays.asList(selection.split(",")));
        names.sort(null);
        for (String name : names) {
            if (!(services.get(name) instanceof MapNode service)) {
                throw new CommandFailure("no such service: " + name + " — the services are: "
                        + String.join(", ", services.keys()));
            }
            out.println(name + " " + ConfigHash.of(service));
        }
    }

    private void profiles() {
        load(true).allProfiles().forEach(out::println);
    }

    /** The image each service runs; one that only builds gets docker compose's default name {@code <project>-<service>}. */
    private void images() {
        LoadedProject project = load(true);
        for (Map.Entry<String, Node> service : section(project.canonical(), "services").entries().entrySet()) {
            Node image = service.getValue() instanceof MapNode m ? m.get("image") : null;
            out.println(image instanceof ScalarNode s && !s.text().isEmpty()
                    ? s.text() : project.name() + "-" + service.getKey());
        }
    }

    private void variables() {
        if (!command.services.isEmpty()) {
            ProjectLoading.warn(List.of("--variables lists the variables of all services; the service names "
                    + String.join(", ", command.services) + " are ignored"), err);
        }
        List<Template.Variable> variables = ProjectLoader.variables(options(false).withInterpolate(false));
        VariablesReport.print(variables, command.format, out);
    }

    /** KEY=VALUE lines, sorted as docker compose sorts them (as whole lines). */
    private void environment() {
        load(true).environment().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .forEach(out::println);
    }

    private static MapNode section(Node parent, String key) {
        return parent instanceof MapNode m && m.get(key) instanceof MapNode section ? section : MapNode.empty();
    }
}
