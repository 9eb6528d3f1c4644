package io.jcompose.image.build;

import io.jcompose.image.build.context.BuildContext;
import io.jcompose.image.build.context.DockerIgnore;
import io.jcompose.image.build.context.LayerFiles;
import io.jcompose.image.build.context.Owner;
import io.jcompose.image.build.context.Source;
import io.jcompose.image.build.dockerfile.*;
import io.jcompose.image.build.layer.BuiltLayer;
import io.jcompose.image.build.layer.LayeredTree;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.build.state.ConfigDraft;
import io.jcompose.image.wire.ImageConfigJson.HealthcheckJson;
import io.jcompose.image.wire.ImageConfigJson.HistoryJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs the instructions of one stage on top of its base state. Every step goes through the step cache,
 * config-only ones too: their history entry carries the time they first ran, so a cached rebuild writes
 * the same configuration and image ID.
 */
final class StageBuild {
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private final BuildSession session;
    private final Stage stage;
    private final ArgScope args;
    private BuildState state;
    /** CMD set in this stage (kept by a later ENTRYPOINT) rather than inherited (reset by it). */
    private boolean cmdSetHere;

    StageBuild(BuildSession session, Stage stage, ArgScope args, BuildState base) {
        this.session = session;
        this.stage = stage;
        this.args = args;
        this.state = base;
    }

    BuildState state() {
        return state;
    }

    /** Runs {@code instruction} as step {@code number}. */
    void step(int number, Instruction instruction) throws InterruptedException {
        ConfigDraft current = new ConfigDraft(state.config());
        Instruction expanded = instruction.expand(name -> args.lookup(name, current), session.escape());
        if (expanded instanceof Arg arg) {
            // declared before the key is made: the ARG's own step keys on its text, RUN on the values
            for (ArgDecl d : arg.decls()) args.declare(d);
        }
        refuseUnsupported(expanded, instruction);
        List<String> parts = new ArrayList<>(List.of(Canonical.of(expanded)));
        StepAction action = switch (expanded) {
            case Run run -> {
                List<String> runArgs = args.runArgs(current);
                parts.add(String.join("\n", runArgs));
                yield (StepAction) key -> session.runs().run(number, instruction, run, state, current, args.runEnv(current),
                        history(runHistory(run, current, runArgs), false), key);
            }
            case Copy copy -> copyAction(number, copy.sources(), copy.dest(), copy.from(), copy.chown(), copy.chmod(),
                    expandedHeredocs(copy.heredocs(), current, parts), false, instruction, parts);
            case Add add -> copyAction(number, add.sources(), add.dest(), null, add.chown(), add.chmod(),
                    expandedHeredocs(add.heredocs(), current, parts), true, instruction, parts);
            case Workdir w -> key -> workdir(w, current, instruction, key);
            default -> key -> {
                boolean setsCmd = configure(expanded, current);
                if (setsCmd) cmdSetHere = true;
                current.history.add(history(instruction.text(), true));
                current.created = current.history.getLast().created();
                return new BuildState(key, state.layers(), current.toJson());
            };
        };
        state = session.cached(number, state, parts, action);
        if (expanded instanceof Cmd) cmdSetHere = true;
    }

    /**
     * COPY/ADD heredoc bodies with their variables expanded (unless the delimiter was quoted), as BuildKit writes
     * them; the expanded text is part of the step's cache key, so a changed ARG or ENV rewrites the file.
     */
    private List<Heredoc> expandedHeredocs(List<Heredoc> heredocs, ConfigDraft current, List<String> parts) {
        if (heredocs.isEmpty()) return heredocs;
        List<Heredoc> out = new ArrayList<>();
        for (Heredoc h : heredocs) {
            String content = h.expandedContent(name -> args.lookup(name, current));
            out.add(new Heredoc(h.name(), content, false, h.chomp()));
            parts.add(h.name() + "\n" + content);
        }
        return out;
    }

    private StepAction copyAction(int number, List<String> sources, String dest, String from, String chown,
                                  String chmod, List<Heredoc> heredocs, boolean add, Instruction instruction,
                                  List<String> parts) throws InterruptedException {
        ConfigDraft current = new ConfigDraft(state.config());
        String absoluteDest = absolute(dest, current.workingDir);
        List<String> fileSources = sources.stream().filter(s -> !s.startsWith("<<")).toList();
        SourceOrigin origin = session.origin(from);
        List<Source> selected = null;
        if (origin.context() != null) {
            selected = session.fileSteps().select(origin.context(), fileSources);
            parts.add(origin.context().hash(selected));
        } else {
            parts.add(origin.key());
        }
        List<Source> contextSources = selected;
        return key -> {
            FileSteps files = session.fileSteps();
            Path dir;
            Path scratch = null;
            try {
                dir = files.newDirectory();
                LayeredTree tree = files.tree(state);
                boolean destIsDir = tree.isDirectory(absoluteDest);
                Owner owner = chown == null || chown.isEmpty() ? null : Accounts.resolve(chown, tree);
                Integer mode = chmod == null || chmod.isEmpty() ? null : parseMode(chmod);
                if (!heredocs.isEmpty()) FileSteps.writeHeredocs(dir, heredocs, absoluteDest, destIsDir, owner, mode);
                if (!fileSources.isEmpty()) {
                    BuildContext context = origin.context();
                    List<Source> chosen = contextSources;
                    if (context == null) {
                        scratch = files.newDirectory();
                        List<String> relative = FileSteps.relative(fileSources);
                        context = files.materialize(origin.tree(), relative, scratch);
                        chosen = files.select(context, relative);
                    }
                    if (add) LayerFiles.add(context, chosen, absoluteDest, destIsDir, dir, owner, mode);
                    else LayerFiles.copy(context, chosen, absoluteDest, destIsDir, dir, owner, mode);
                }
                FileSteps.keepImageDirectories(dir, absoluteDest, tree);
            } catch (IOException e) {
                throw new BuildException("step " + number + " (" + instruction.text() + "): " + e.getMessage(),
                        "check free space and permissions under the image store");
            } finally {
                if (scratch != null) FileSteps.deleteQuietly(scratch);
            }
            return commit(dir, current, instruction.text(), key);
        };
    }

    private BuildState workdir(Workdir w, ConfigDraft current, Instruction instruction, String key) {
        String path = absolute(w.path(), current.workingDir);
        current.workingDir = path;
        try {
            FileSteps files = session.fileSteps();
            if (files.tree(state).isDirectory(path)) {
                current.history.add(history(instruction.text(), true));
                current.created = current.history.getLast().created();
                return new BuildState(key, state.layers(), current.toJson());
            }
            Path dir = files.newDirectory();
            LayeredTree tree = files.tree(state);
            files.makeDirectory(dir, path);
            FileSteps.keepImageDirectories(dir, path, tree);
            return commit(dir, current, instruction.text(), key);
        } catch (IOException e) {
            throw new BuildException("cannot create WORKDIR " + path + ": " + e.getMessage(),
                    "check free space and permissions under the image store");
        }
    }

    private BuildState commit(Path dir, ConfigDraft current, String createdBy, String key) {
        Optional<BuiltLayer> layer = session.committer().commit(dir, state.topChainId());
        current.history.add(history(createdBy, layer.isEmpty()));
        current.created = current.history.getLast().created();
        BuildState next = new BuildState(key, state.layers(), current.toJson());
        return layer.map(next::withLayer).orElse(next);
    }

    /** Applies a config-only instruction; returns whether it set CMD. */
    private boolean configure(Instruction expanded, ConfigDraft c) {
        switch (expanded) {
            case Env env -> env.pairs().forEach(kv -> c.setEnv(kv.key(), kv.value()));
            case Label label -> {
                Map<String, String> labels = c.labels == null ? new TreeMap<>() : new TreeMap<>(c.labels);
                label.pairs().forEach(kv -> labels.put(kv.key(), kv.value()));
                c.labels = labels;
            }
            case User user -> c.user = user.user();
            case Cmd cmd -> {
                c.cmd = Canonical.args(cmd.command(), shell(c));
                return true;
            }
            case Entrypoint ep -> {
                c.entrypoint = Canonical.args(ep.command(), shell(c));
                if (!cmdSetHere) c.cmd = null;
            }
            case Expose expose -> {
                Map<String, Object> ports = c.exposedPorts == null ? new TreeMap<>() : new TreeMap<>(c.exposedPorts);
                for (String p : expose.ports()) for (String one : Ports.expand(p)) ports.put(one, Map.of());
                c.exposedPorts = ports;
            }
            case Volume volume -> {
                Map<String, Object> volumes = c.volumes == null ? new TreeMap<>() : new TreeMap<>(c.volumes);
                for (String p : volume.paths()) volumes.put(p, Map.of());
                c.volumes = volumes;
            }
            case StopSignal s -> c.stopSignal = s.signal();
            case Healthcheck h -> c.healthcheck = h.none()
                    ? new HealthcheckJson(List.of("NONE"), null, null, null, null, null)
                    : new HealthcheckJson(healthTest(h.test()), nanos(h.interval()), nanos(h.timeout()),
                    nanos(h.startPeriod()), nanos(h.startInterval()), h.retries());
            case Shell sh -> c.shell = sh.shell();
            case OnBuild ob -> {
                List<String> triggers = c.onBuild == null ? new ArrayList<>() : new ArrayList<>(c.onBuild);
                triggers.add(ob.trigger().text());
                c.onBuild = triggers;
            }
            case Arg ignored -> {
            }
            case Maintainer ignored -> {
            }
            default -> throw new BuildException("line " + expanded.line() + ": " + expanded.text()
                    + " is not allowed here", "FROM starts a stage; move it to the start of a line of its own");
        }
        return false;
    }

    /**
     * Flags whose effect jcompose does not reproduce fail the build rather than change its result silently.
     * {@code RUN --mount=type=cache} is the exception: a cache mount only speeds a step up, so the step runs
     * without it (what it writes there stays in the layer).
     */
    private static void refuseUnsupported(Instruction expanded, Instruction original) {
        String where = "line " + original.line() + ": " + original.text();
        switch (expanded) {
            case Run run -> {
                for (String mount : run.mounts()) {
                    if (!mount.contains("type=cache")) {
                        throw new BuildException(where + ": RUN --mount=" + mount + " is not supported",
                                "copy what the step needs with COPY first (only type=cache mounts are accepted,"
                                        + " and run without the cache)");
                    }
                }
            }
            case Copy copy when !copy.excludes().isEmpty() -> throw new BuildException(
                    where + ": COPY --exclude is not supported", "list the sources to copy, or use .dockerignore");
            case Add add when !add.excludes().isEmpty() -> throw new BuildException(
                    where + ": ADD --exclude is not supported", "list the sources to add, or use .dockerignore");
            case Add add when add.checksum() != null -> throw new BuildException(
                    where + ": ADD --checksum is not supported (ADD of URLs is not either)",
                    "download the file beside the Dockerfile and COPY it");
            default -> { }
        }
    }

    private static List<String> healthTest(Command command) {
        List<String> test = new ArrayList<>();
        switch (command) {
            case ShellForm sh -> {
                test.add("CMD-SHELL");
                test.add(sh.script());
            }
            case ExecForm exec -> {
                test.add("CMD");
                test.addAll(exec.args());
            }
        }
        return test;
    }

    private static Long nanos(Duration d) {
        return d == null ? null : d.toNanos();
    }

    static List<String> shell(ConfigDraft c) {
        return c.shell == null || c.shell.isEmpty() ? DEFAULT_SHELL : c.shell;
    }

    /** BuildKit's history text for RUN: {@code RUN |N K=V … /bin/sh -c script}. */
    private static String runHistory(Run run, ConfigDraft c, List<String> runArgs) {
        StringBuilder sb = new StringBuilder("RUN ");
        if (!runArgs.isEmpty()) sb.append('|').append(runArgs.size()).append(' ').append(String.join(" ", runArgs)).append(' ');
        sb.append(String.join(" ", Canonical.args(run.command(), shell(c))));
        return sb.toString();
    }

    static HistoryJson history(String createdBy, boolean emptyLayer) {
        return new HistoryJson(Instant.now().toString(), createdBy, null, null, emptyLayer ? Boolean.TRUE : null);
    }

    /** A path in the image, relative ones taken from the working directory, {@code .}/{@code ..} cleaned. */
    static String absolute(String path, String workingDir) {
        String base = workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
        String joined = path.startsWith("/") ? path : base + "/" + path;
        List<String> parts = new ArrayList<>();
        for (String p : joined.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else {
                parts.add(p);
            }
        }
        String clean = "/" + String.join("/", parts);
        return path.endsWith("/") && !clean.equals("/") ? clean + "/" : clean;
    }

    private static int parseMode(String chmod) {
        try {
            return Integer.parseInt(chmod, 8);
        } catch (NumberFormatException e) {
            throw new BuildException("invalid --chmod=" + chmod, "give the mode in octal, e.g. --chmod=0755");
        }
    }

    /** One step's work, run on a cache miss; returns the state it makes, under {@code key}. */
    @FunctionalInterface
    interface StepAction {
        BuildState apply(String key) throws InterruptedException;
    }

    /** Where a COPY's files come from: the build context, a named context, or another stage or image. */
    record SourceOrigin(BuildContext context, LayeredTree tree, String key) {
        static SourceOrigin context(BuildContext context) {
            return new SourceOrigin(context, null, null);
        }
    }
}
