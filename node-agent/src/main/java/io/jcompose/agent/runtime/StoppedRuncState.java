package io.jcompose.agent.runtime;

import io.jcompose.json.TreeJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What {@code runc delete} does for a container whose init has exited, done in the agent instead of a runc process
 * (~25 ms of Go start-up each, twice per container on {@code down}). runc 1.1's {@code delete} of a stopped
 * container calls libcontainer's {@code destroy()}: SIGKILL to the cgroup's processes when the container has no
 * PID namespace of its own, {@code rmdir} of each cgroup in the state's {@code cgroup_paths} (children first,
 * retried while the kernel still reports it busy), Intel RDT clean-up, removal of the state directory, the
 * poststop hooks. Only the cgroups and the state directory apply to the containers the agent makes; anything
 * else — a shared or absent PID namespace, hooks, RDT, a live or unreadable init, a state this code does not
 * recognise (crun's, a newer runc's) or a cgroup that stays busy — is left to the runtime.
 */
final class StoppedRuncState {
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    /** As runc: five passes, 10 ms then doubling, for cgroups whose last task is still being released. */
    private static final int PASSES = 5;

    private StoppedRuncState() {
    }

    /** Destroys the stopped container's runtime state; false (nothing changed) when the runtime must do it. */
    static boolean destroy(Path stateRoot, String id) {
        Path dir = stateRoot.resolve(id);
        JsonNode state;
        try {
            state = TreeJson.read(Files.readString(dir.resolve("state.json")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        List<Path> cgroups = cgroupsIfSimple(state, id);
        if (cgroups == null || !initGone(state)) {
            return false;
        }
        try {
            if (!removeCgroups(cgroups)) {
                return false;
            }
            deleteTree(dir);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The cgroup directories to remove, or null when the state asks for more than removing them. */
    static List<Path> cgroupsIfSimple(JsonNode state, String id) {
        if (!id.equals(state.path("id").asString("")) || !state.path("intel_rdt_path").asString("").isEmpty()) {
            return null;
        }
        JsonNode config = state.path("config");
        boolean ownPidNamespace = false;
        for (JsonNode ns : config.path("namespaces")) {
            if ("NEWPID".equals(ns.path("type").asString("")) && ns.path("path").asString("").isEmpty()) {
                ownPidNamespace = true;
            }
        }
        if (!ownPidNamespace || config.path("cgroups").path("systemd").asBoolean(false)
                || config.has("intel_rdt") && !config.path("intel_rdt").isNull()) {
            return null;
        }
        for (JsonNode hooks : config.path("Hooks")) {
            if (!hooks.isNull() && !hooks.isEmpty()) {
                return null;
            }
        }
        List<Path> paths = new ArrayList<>();
        for (JsonNode p : state.path("cgroup_paths")) {
            Path path = Path.of(p.asString("")).normalize();
            if (!path.startsWith(CGROUP_ROOT) || path.getNameCount() <= CGROUP_ROOT.getNameCount() + 1) {
                return null; // never anything but a container's own cgroup below a hierarchy's root
            }
            paths.add(path);
        }
        return paths;
    }

    /** runc's test for a stopped container: the init's pid is gone, reused (other start time) or a zombie. */
    private static boolean initGone(JsonNode state) {
        long pid = state.path("init_process_pid").asLong(0);
        long start = state.path("init_process_start").asLong(-1);
        if (pid <= 0 || start < 0) {
            return false;
        }
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
        // after "(comm)", which may hold spaces: state is field 3, start time field 22
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return f.length > 19 && (!f[19].equals(Long.toString(start)) || f[0].equals("Z") || f[0].equals("X"));
    }

    private static boolean removeCgroups(List<Path> cgroups) throws InterruptedException {
        List<Path> left = new ArrayList<>(cgroups);
        long delay = 10;
        for (int pass = 0; pass < PASSES && !left.isEmpty(); pass++) {
            if (pass > 0) {
                Thread.sleep(delay);
                delay *= 2;
            }
            left.removeIf(StoppedRuncState::removeCgroup);
        }
        return left.isEmpty();
    }

    /** rmdir of a cgroup and the cgroups below it (their control files go with each directory); true when gone. */
    private static boolean removeCgroup(Path cgroup) {
        try {
            Files.delete(cgroup);
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            // not empty of child cgroups, or still busy: children first, then once more
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(cgroup, Files::isDirectory)) {
            for (Path child : children) {
                if (!removeCgroup(child)) {
                    return false;
                }
            }
            Files.delete(cgroup);
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
