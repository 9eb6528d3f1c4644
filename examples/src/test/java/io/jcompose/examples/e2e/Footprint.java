package io.jcompose.examples.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What one end-to-end run left on the host, found by its name prefix and directories only: links named
 * {@code <prefix>…}, namespace files under its runtime directory, mounts under its root, its nftables table,
 * cgroup directories under its cgroup parent in every hierarchy and the processes in them. Each probe reads;
 * {@link #removeAll()} removes what is there, touching nothing that is not named after the run.
 *
 * @param prefix      interface prefix, nftables table and cgroup parent name ({@code jt} + 6 hex)
 * @param root        the run's directory (data root, runtime directory, images, project copies)
 * @param runtimeDir  the agent's runtime directory, under {@code root}
 */
record Footprint(String prefix, Path root, Path runtimeDir) {
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    /** Network interfaces whose name starts with the prefix (bridges, veths). */
    List<String> links() {
        List<String> names = new ArrayList<>();
        for (String line : Commands.output("ip", "-o", "link", "show").split("\n")) {
            String[] fields = line.split(":\\s+");
            if (fields.length > 1) {
                String name = fields[1].split("@")[0];
                if (name.startsWith(prefix)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Network namespace files the agent keeps under {@code <runtimeDir>/netns}. */
    List<Path> namespaces() {
        return list(runtimeDir.resolve("netns"));
    }

    /** Mount points at or under the run's directory, deepest first. */
    List<String> mounts() {
        try {
            List<String> targets = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] fields = line.split(" ");
                if (fields.length > 4 && (fields[4].equals(root.toString()) || fields[4].startsWith(root + "/"))) {
                    targets.add(fields[4]);
                }
            }
            targets.sort(Comparator.reverseOrder());
            return targets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code nft list table inet <prefix>}, or empty when the run has no table. */
    String nftTable() {
        Commands.Result r = Commands.run("nft", "list", "table", "inet", prefix);
        return r.exit() == 0 ? r.out() : "";
    }

    /**
     * What the table holds for networks and published ports: set and map elements, and NAT or filter rules
     * naming an address. The agent keeps its table's skeleton (empty sets, base chains) while it lives; a
     * project that is gone must have left none of this.
     */
    List<String> nftProjectRules() {
        List<String> out = new ArrayList<>();
        for (String line : nftTable().split("\n")) {
            String t = line.strip();
            if (t.startsWith("elements") || t.contains("masquerade") || t.matches(".*\\b\\d+\\.\\d+\\.\\d+\\.\\d+.*")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Cgroup directories below the run's cgroup parent (one per container), in every hierarchy. */
    List<Path> childCgroups() {
        List<Path> out = new ArrayList<>();
        for (Path parent : cgroupParents()) {
            try (Stream<Path> walk = Files.walk(parent)) {
                walk.filter(p -> !p.equals(parent) && Files.isDirectory(p)).forEach(out::add);
            } catch (IOException e) {
                // Removed while walking.
            }
        }
        return out;
    }

    /** The run's cgroup parent in each hierarchy where it exists. */
    List<Path> cgroupParents() {
        List<Path> out = new ArrayList<>();
        for (Path hierarchy : list(CGROUPS)) {
            Path dir = hierarchy.resolve(prefix);
            if (Files.isDirectory(dir)) {
                out.add(dir);
            }
        }
        Path unified = CGROUPS.resolve(prefix);
        if (Files.isDirectory(unified)) {
            out.add(unified);
        }
        return out;
    }

    /** Pids of every process in a cgroup under the run's parent: its containers' processes. */
    List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        for (Path parent : cgroupParents()) {
            try (Stream<Path> walk = Files.walk(parent)) {
                for (Path procs : walk.filter(p -> p.getFileName().toString().equals("cgroup.procs")).toList()) {
                    for (String pid : Files.readString(procs).split("\\s+")) {
                        if (!pid.isBlank() && !pids.contains(Long.parseLong(pid))) {
                            pids.add(Long.parseLong(pid));
                        }
                    }
                }
            } catch (IOException e) {
                // Removed while reading.
            }
        }
        return pids;
    }

    /** Monitor processes (conmon) started for the run's containers: their command line names the run's directory. */
    List<Long> monitors() {
        return ProcessHandle.allProcesses().filter(p -> {
            String cmd = String.join(" ", p.info().arguments().orElse(new String[0]));
            return p.info().command().orElse("").endsWith("conmon") && cmd.contains(root.toString());
        }).map(ProcessHandle::pid).toList();
    }

    /**
     * Agents serving the run's runtime directory (the launcher starts them with {@code --runtime-dir <it>}): after
     * teardown stopped its agent, none may be left.
     */
    List<Long> agents() {
        String option = "--runtime-dir " + runtimeDir;
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(option))
                .map(ProcessHandle::pid).toList();
    }

    /**
     * The agent's own namespace directory, which it mounts (shared) so that namespace files propagate, and leaves
     * mounted when it stops: containers outlive the agent, their namespaces with them.
     */
    String agentMount() {
        return runtimeDir.resolve("netns").toString();
    }

    /**
     * Everything of the run's containers and networks still there, one line each; empty when they left nothing.
     * What the agent keeps for itself by design — its table's skeleton, its cgroup parent, its namespace
     * directory's mount — is not counted; {@link #removeAll()} removes it.
     */
    List<String> leftovers() {
        List<String> out = new ArrayList<>();
        links().forEach(l -> out.add("link " + l));
        namespaces().forEach(n -> out.add("netns " + n));
        mounts().stream().filter(m -> !m.equals(agentMount())).forEach(m -> out.add("mount " + m));
        nftProjectRules().forEach(r -> out.add("nft rule " + r));
        childCgroups().forEach(c -> out.add("cgroup " + c));
        processes().forEach(p -> out.add("process " + p + " " + ProcessHandle.of(p).flatMap(h -> h.info().commandLine()).orElse("")));
        monitors().forEach(p -> out.add("monitor " + p));
        agents().forEach(p -> out.add("agent " + p));
        return out;
    }

    /** What {@link #removeAll()} could not remove: anything named after the run, skeleton included. */
    List<String> remains() {
        List<String> out = new ArrayList<>(leftovers());
        if (mounts().contains(agentMount())) out.add("mount " + agentMount());
        if (!nftTable().isEmpty()) out.add("nft table inet " + prefix);
        cgroupParents().forEach(c -> out.add("cgroup " + c));
        if (Files.exists(root)) out.add("directory " + root);
        return out;
    }

    /** Removes whatever the run left, the agent's skeleton included: only things named after it. */
    void removeAll() {
        for (long pid : agents()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : monitors()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : processes()) {
            Commands.run("kill", "-9", Long.toString(pid));
        }
        Path runcRoot = runtimeDir.resolve("runc");
        for (Path id : list(runcRoot)) {
            Commands.run("runc", "--root", runcRoot.toString(), "delete", "--force", id.getFileName().toString());
        }
        for (String mount : mounts()) {
            Commands.run("umount", "-l", mount);
        }
        for (String link : links()) {
            Commands.run("ip", "link", "del", link);
        }
        if (!nftTable().isEmpty()) {
            Commands.run("nft", "delete", "table", "inet", prefix);
        }
        for (Path parent : cgroupParents()) {
            removeCgroupTree(parent);
        }
        deleteTree(root);
    }

    /** A cgroup directory goes once its children and processes have: rmdir leaves first, retrying briefly. */
    private static void removeCgroupTree(Path dir) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.isDirectory(dir) && System.nanoTime() < deadline) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).forEach(d -> d.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Part of it went meanwhile.
            }
            if (Files.isDirectory(dir)) {
                Thread.onSpinWait();
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // What cannot be walked cannot be deleted either; the leftover report names it.
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
