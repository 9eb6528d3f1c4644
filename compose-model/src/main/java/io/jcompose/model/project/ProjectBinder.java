package io.jcompose.model.project;

import io.jcompose.model.LoadedProject;
import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last phase of a load: the canonical long-form tree (the shape {@code config --format json} prints) into
 * an immutable {@link Project}. Hand-written per field, without reflection, because it runs on every CLI
 * command. A value of the wrong shape (validation should have caught it) raises {@link ModelException} with
 * the node's position and YAML path.
 *
 * <pre>{@code
 * Project p = ProjectBinder.bind(loadedProject);
 * p.service("web").replicas();
 * }</pre>
 */
public final class ProjectBinder {
    private ProjectBinder() {
    }

    /** Binds the result of a load, with its working directory. */
    public static Project bind(LoadedProject loaded) {
        return bind(loaded.canonical(), loaded.workingDirectory());
    }

    /** Binds a canonical tree; the project's working directory stays unknown ({@code null}). */
    public static Project bind(MapNode canonical) {
        return bind(canonical, null);
    }

    /** @throws ModelException when a value has the wrong shape or the project has no name */
    public static Project bind(MapNode canonical, Path workingDir) {
        Fields root = Fields.root(canonical);
        String name = root.str("name");
        if (name == null || name.isBlank()) {
            Position at = canonical.has("name") ? canonical.get("name").position() : canonical.position();
            throw new ModelException(at, YamlPath.of("name"), "the project has no name",
                    "set a top-level name: or pass -p NAME");
        }
        Map<String, Service> services = new LinkedHashMap<>();
        for (Element e : root.entries("services")) services.put(e.name(), ServiceBinder.bind(e));
        Map<String, Network> networks = new LinkedHashMap<>();
        for (Element e : root.entries("networks")) networks.put(e.name(), network(e.fields()));
        Map<String, Volume> volumes = new LinkedHashMap<>();
        for (Element e : root.entries("volumes")) volumes.put(e.name(), volume(e.fields()));
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (Element e : root.entries("secrets")) secrets.put(e.name(), secret(e.fields()));
        Map<String, Config> configs = new LinkedHashMap<>();
        for (Element e : root.entries("configs")) configs.put(e.name(), config(e.fields()));
        Map<String, Model> models = new LinkedHashMap<>();
        for (Element e : root.entries("models")) models.put(e.name(), model(e.fields()));
        return new Project(name, workingDir, services, networks, volumes, secrets, configs, models,
                root.extensions());
    }

    private static Network network(Fields n) {
        Fields ipam = n.obj("ipam");
        return new Network(n.str("name"), n.str("driver"), n.strMap("driver_opts"), ipam == null ? null : ipam(ipam),
                external(n), n.bool("internal"), n.bool("attachable"), n.strMap("labels"), n.boolOrNull("enable_ipv4"),
                n.boolOrNull("enable_ipv6"), n.extensions());
    }

    private static Ipam ipam(Fields i) {
        List<IpamPool> pools = new ArrayList<>();
        for (Element e : i.items("config")) {
            Fields p = e.fields();
            pools.add(new IpamPool(p.str("subnet"), p.str("gateway"), p.str("ip_range"), p.strMap("aux_addresses")));
        }
        return new Ipam(i.str("driver"), pools, i.strMap("options"));
    }

    private static Volume volume(Fields v) {
        return new Volume(v.str("name"), v.str("driver"), v.strMap("driver_opts"), external(v), v.strMap("labels"),
                v.extensions());
    }

    private static Secret secret(Fields s) {
        return new Secret(s.str("name"), s.str("file"), s.str("environment"), s.str("content"), external(s),
                s.strMap("labels"), s.str("driver"), s.strMap("driver_opts"), s.str("template_driver"),
                s.extensions());
    }

    private static Config config(Fields c) {
        return new Config(c.str("name"), c.str("file"), c.str("environment"), c.str("content"), external(c),
                c.strMap("labels"), c.str("driver"), c.strMap("driver_opts"), c.str("template_driver"),
                c.extensions());
    }

    private static Model model(Fields m) {
        return new Model(m.str("name"), m.str("model"), m.longOrNull("context_size"), m.strList("runtime_flags"),
                m.extensions());
    }

    /** {@code external: true}, or the legacy {@code external: {name: x}} which also means true. */
    private static boolean external(Fields f) {
        return f.raw("external") instanceof MapNode || f.bool("external");
    }
}
