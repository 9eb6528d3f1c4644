package io.jcompose.image.build;

import io.jcompose.image.ImageStore;
import io.jcompose.image.build.dockerfile.Heredoc;
import io.jcompose.image.build.dockerfile.Instruction;
import io.jcompose.image.build.dockerfile.Run;
import io.jcompose.image.build.dockerfile.ShellForm;
import io.jcompose.image.build.layer.BuiltLayer;
import io.jcompose.image.build.layer.LayerCommitter;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.build.state.ConfigDraft;
import io.jcompose.image.snapshot.Mount;
import io.jcompose.image.wire.ImageConfigJson.HistoryJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * RUN: a snapshot over the state's layers, the command run in it by the {@link StepRunner}, its upper
 * directory committed as the layer. The snapshot is always removed; a failed command leaves nothing.
 */
final class RunSteps {
    static final int TAIL_LINES = 10;

    private final ImageStore store;
    private final StepRunner runner;
    private final LayerCommitter committer;
    private final BuildRequest request;
    private final Consumer<BuildEvent> events;
    private final int total;

    RunSteps(ImageStore store, StepRunner runner, LayerCommitter committer, BuildRequest request,
             Consumer<BuildEvent> events, int total) {
        this.store = store;
        this.runner = runner;
        this.committer = committer;
        this.request = request;
        this.events = events;
        this.total = total;
    }

    BuildState run(int number, Instruction original, Run run, BuildState state, ConfigDraft config, List<String> env,
                   HistoryJson history, String key) throws InterruptedException {
        String id = "build-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        List<String> args = new ArrayList<>(Canonical.args(withHeredocs(run), StageBuild.shell(config)));
        String network = run.network() != null ? run.network() : request.network() != null ? request.network() : "none";
        Deque<String> tail = new ArrayDeque<>();
        Mount rootfs = store.prepareSnapshot(id, state.chainIds());
        try {
            String workingDir = config.workingDir == null || config.workingDir.isEmpty() ? "/" : config.workingDir;
            RunStep step = new RunStep(id, rootfs, args, env, config.user == null ? "" : config.user, workingDir, network,
                    request.extraHosts(), request.shmSize());
            int exit = runner.run(step, line -> {
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) tail.removeFirst();
                    tail.addLast(line);
                }
                events.accept(new BuildEvent.StepOutput(number, line));
            });
            if (exit != 0) {
                String output;
                synchronized (tail) {
                    output = tail.isEmpty() ? " (no output)" : ", last output:\n" + String.join("\n", tail);
                }
                throw new BuildException("step " + number + "/" + total + " (line " + original.line() + ") "
                        + original.text() + " failed with exit code " + exit + output,
                        "fix the command or what it depends on, then build again");
            }
            Optional<BuiltLayer> layer = committer.commit(store.snapshotUpper(id), state.topChainId());
            config.history.add(layer.isPresent() ? history
                    : new HistoryJson(history.created(), history.createdBy(), null, null, Boolean.TRUE));
            config.created = history.created();
            BuildState next = new BuildState(key, state.layers(), config.toJson());
            return layer.map(next::withLayer).orElse(next);
        } finally {
            store.removeSnapshot(id);
        }
    }

    /** A shell-form RUN with heredocs hands the shell the whole script, heredoc bodies inline. */
    private static io.jcompose.image.build.dockerfile.Command withHeredocs(Run run) {
        if (run.heredocs().isEmpty() || !(run.command() instanceof ShellForm sh)) return run.command();
        // `RUN <<EOF` alone: the body is the script (BuildKit's rule); otherwise the shell reads the heredocs
        if (run.heredocs().size() == 1 && sh.script().strip().matches("<<-?[\"']?" + java.util.regex.Pattern.quote(
                run.heredocs().getFirst().name()) + "[\"']?")) {
            return new ShellForm(run.heredocs().getFirst().content());
        }
        StringBuilder script = new StringBuilder(sh.script());
        for (Heredoc h : run.heredocs()) {
            script.append('\n').append(h.content());
            if (!h.content().endsWith("\n")) script.append('\n');
            script.append(h.name());
        }
        return new ShellForm(script.toString());
    }
}
