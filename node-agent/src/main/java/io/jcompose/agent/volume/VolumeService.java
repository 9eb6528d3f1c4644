package io.jcompose.agent.volume;

import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.state.LabelFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Volume create, list, inspect and remove. A {@code local} volume is the directory
 * {@code <dataRoot>/volumes/<name>/_data}; the row in the store is the commit point (the directory
 * is made first and removed again when the row cannot be written). Which containers use a volume is
 * read from their specs, so it cannot drift from them. A volume with driver options
 * ({@link LocalDriverOptions}) has its device mounted on {@code _data} at the first start of a
 * container using it ({@link #prepare}) and unmounted when the volume is removed, before anything is
 * deleted; the device's own files are never deleted.
 *
 * <p>Example: {@code create(new Request("proj_db", Map.of(), null, Map.of()))} → the volume;
 * {@code remove("proj_db", false)} → CONFLICT while a container (running or not) mounts it.
 */
public final class VolumeService {
    /** Docker's rule for volume names. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    /** A create. */
    public record Request(String name, Map<String, String> labels, String driver, Map<String, String> driverOpts) {
        public Request {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
        }
    }

    /** A volume with what is derived from the host: its directory and the containers using it. */
    public record Described(Volume volume, Path mountpoint, List<String> usedBy) {
    }

    private final VolumeStore store;
    private final Path root;
    private final ContainerService containers;
    private final VolumeMounts mounts = new VolumeMounts();

    public VolumeService(VolumeStore store, Path dataRoot, ContainerService containers) {
        this.store = store;
        this.root = dataRoot.resolve("volumes");
        this.containers = containers;
    }

    /** Creates the volume; an existing one with the same labels (and driver) is returned as it is. */
    public Described create(Request r) {
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            throw AgentException.invalid("\"" + r.name() + "\" is not a valid volume name",
                    "use letters, digits, '_', '.' and '-', starting with a letter or digit, at least 2 characters");
        }
        String driver = r.driver() == null || r.driver().isEmpty() ? "local" : r.driver();
        if (!driver.equals("local")) {
            throw AgentException.invalid("volume driver \"" + driver + "\" is not supported", "use the local driver");
        }
        var existing = store.find(r.name());
        if (existing.isPresent()) {
            return sameOrConflict(existing.get(), r);
        }
        LocalDriverOptions.of(r.name(), r.driverOpts()); // refuses bad options before anything is made
        Path data = mountpoint(r.name());
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw AgentException.internal("cannot create " + data + ": " + e.getMessage(), e);
        }
        Volume v = new Volume(r.name(), driver, r.driverOpts(), r.labels(), Instant.now());
        if (!store.insert(v)) {
            // Another create of the same name won the race; its directory is this one.
            return sameOrConflict(store.find(r.name()).orElseThrow(), r);
        }
        return describe(v);
    }

    private Described sameOrConflict(Volume existing, Request r) {
        if (!existing.driverOpts().equals(r.driverOpts())) {
            throw AgentException.alreadyExists("volume " + r.name() + " already exists with driver_opts "
                    + existing.driverOpts() + ", not " + r.driverOpts(),
                    "remove the volume first (its data goes with it), or create it with the same driver_opts");
        }
        if (!existing.labels().equals(r.labels())) {
            throw AgentException.alreadyExists("volume " + r.name() + " already exists with labels " + existing.labels(),
                    "remove it first, or create it with the same labels");
        }
        return describe(existing);
    }

    public Described inspect(String name) {
        return describe(find(name));
    }

    public List<Described> list(List<LabelFilter> filters) {
        return store.list(filters).stream().map(this::describe).toList();
    }

    /** Removes it and its data; CONFLICT while a container uses it; with {@code force} a missing volume is fine. */
    public void remove(String name, boolean force) {
        var v = store.find(name);
        if (v.isEmpty()) {
            if (force) {
                return;
            }
            throw notFound(name);
        }
        List<String> users = usedBy(name);
        if (!users.isEmpty()) {
            throw new AgentException(ErrorKind.CONFLICT, "volume " + name + " is in use by container(s) " + String.join(", ", users),
                    "remove those containers first");
        }
        if (v.get().driverOpts().isEmpty()) {
            store.delete(name); // the commit point: the data goes next
            deleteTree(root.resolve(name));
            return;
        }
        // The data lives on the device (a host directory, a tmpfs, a disk): unmount, then remove only
        // the two empty directories. A directory that is not empty means the unmount did not happen,
        // and nothing of the device may be deleted.
        Path data = mountpoint(name);
        mounts.unmount(name, data);
        if (Files.isDirectory(data) && !VolumeContent.isEmpty(data)) {
            throw AgentException.internal("volume " + name + ": " + data + " is not empty after the unmount; "
                    + "nothing was deleted", null);
        }
        store.delete(name);
        try {
            Files.deleteIfExists(data);
            Files.deleteIfExists(data.getParent());
        } catch (IOException e) {
            throw AgentException.internal("volume " + name + " is removed but " + data.getParent() + " stays: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The directory a container's mount binds: the volume's {@code _data}, with the volume's device
     * mounted on it first when it has driver options and nothing is mounted there yet.
     */
    Path prepare(Volume v) {
        Path data = mountpoint(v.name());
        LocalDriverOptions opts = LocalDriverOptions.of(v.name(), v.driverOpts());
        if (opts != null) {
            try {
                Files.createDirectories(data); // an interrupted create, or a hand-removed directory
            } catch (IOException e) {
                throw AgentException.internal("cannot create " + data + ": " + e.getMessage(), e);
            }
            mounts.ensureMounted(v.name(), opts, data);
        }
        return data;
    }

    /** Whether the volume itself is mounted read-only ({@code o: …,ro}): nothing can be copied into it. */
    boolean readOnly(String name) {
        return MountOptions.parse(find(name).driverOpts().get("o")).readOnly();
    }

    /** The volume's data directory. */
    public Path mountpoint(String name) {
        return root.resolve(name).resolve("_data");
    }

    Volume find(String name) {
        return store.find(name).orElseThrow(() -> notFound(name));
    }

    Stream<Volume> anonymousOf(String containerId) {
        return store.list(List.of(new LabelFilter(Volume.ANONYMOUS_LABEL, containerId))).stream();
    }

    /** Names of the containers whose spec mounts the volume. */
    List<String> usedBy(String name) {
        return containers.list(List.of()).stream().filter(c -> mounts(c, name)).map(c -> c.name().value()).toList();
    }

    private static boolean mounts(Container c, String name) {
        return c.spec().mounts().stream().anyMatch(m -> m instanceof MountSpec.Volume v && Objects.equals(v.name(), name));
    }

    private Described describe(Volume v) {
        return new Described(v, mountpoint(v.name()), usedBy(v.name()));
    }

    private static AgentException notFound(String name) {
        return AgentException.notFound("no such volume: " + name, "list volumes to see the names");
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
