package io.jcompose.image.build;

import io.jcompose.image.build.StageBuild.SourceOrigin;
import io.jcompose.image.build.StageBuild.StepAction;
import io.jcompose.image.build.cache.CacheKey;
import io.jcompose.image.build.cache.StepCache;
import io.jcompose.image.build.context.BuildContext;
import io.jcompose.image.build.context.DockerIgnore;
import io.jcompose.image.build.layer.LayerCommitter;
import io.jcompose.image.build.state.BuildState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What the steps of one build share: the cache, where files go, the finished stages, progress events. */
final class BuildSession {
    private final StepCache cache;
    private final LayerCommitter committer;
    private final FileSteps fileSteps;
    private final RunSteps runs;
    private final BaseResolver bases;
    private final BuildRequest request;
    private final Consumer<BuildEvent> events;
    private final char escape;
    private final BuildContext context;
    private final Map<String, BuildState> stagesByName = new HashMap<>();
    private final Map<Integer, BuildState> stagesByIndex = new HashMap<>();

    BuildSession(StepCache cache, LayerCommitter committer, FileSteps fileSteps, RunSteps runs, BaseResolver bases,
                 BuildRequest request, Consumer<BuildEvent> events, char escape, BuildContext context) {
        this.cache = cache;
        this.committer = committer;
        this.fileSteps = fileSteps;
        this.runs = runs;
        this.bases = bases;
        this.request = request;
        this.events = events;
        this.escape = escape;
        this.context = context;
    }

    /** Step {@code number} from {@code parent}: the cached result under its key, else {@code action}'s, stored. */
    BuildState cached(int number, BuildState parent, List<String> parts, StepAction action) throws InterruptedException {
        String key = CacheKey.of(parent.key(), parts);
        if (!request.noCache()) {
            Optional<BuildState> hit = cache.get(key);
            if (hit.isPresent()) {
                events.accept(new BuildEvent.StepCached(number));
                return hit.get();
            }
        }
        long start = System.nanoTime();
        BuildState next = action.apply(key);
        cache.put(next);
        events.accept(new BuildEvent.StepDone(number, (System.nanoTime() - start) / 1_000_000));
        return next;
    }

    void finished(int index, String name, BuildState state) {
        stagesByIndex.put(index, state);
        if (name != null) stagesByName.put(name, state);
    }

    /** A finished stage by (lower-case) name, if any. */
    BuildState stage(String name) {
        return stagesByName.get(name);
    }

    /**
     * The origin of a COPY's sources: the build context ({@code from} null), a named additional context, a
     * stage by name or index, or an image.
     */
    SourceOrigin origin(String from) throws InterruptedException {
        if (from == null || from.isEmpty()) return SourceOrigin.context(context);
        String lower = from.toLowerCase(java.util.Locale.ROOT);
        BuildState stage = stagesByName.get(lower);
        if (stage == null && from.chars().allMatch(Character::isDigit)) stage = stagesByIndex.get(Integer.parseInt(from));
        if (stage == null && request.additionalContexts().containsKey(from)) {
            java.nio.file.Path dir = request.additionalContexts().get(from);
            return SourceOrigin.context(new BuildContext(dir, DockerIgnore.forContext(dir, null)));
        }
        if (stage == null) stage = bases.image(from);
        return new SourceOrigin(null, fileSteps.tree(stage), "state " + stage.key());
    }

    StepCache cache() {
        return cache;
    }

    LayerCommitter committer() {
        return committer;
    }

    FileSteps fileSteps() {
        return fileSteps;
    }

    RunSteps runs() {
        return runs;
    }

    BaseResolver bases() {
        return bases;
    }

    Consumer<BuildEvent> events() {
        return events;
    }

    char escape() {
        return escape;
    }
}
