package io.jcompose.image.build;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageStore;
import io.jcompose.image.build.cache.StepCache;
import io.jcompose.image.build.context.BuildContext;
import io.jcompose.image.build.context.DockerIgnore;
import io.jcompose.image.build.context.FileHashCache;
import io.jcompose.image.build.dockerfile.Arg;
import io.jcompose.image.build.dockerfile.ArgDecl;
import io.jcompose.image.build.dockerfile.Dockerfile;
import io.jcompose.image.build.dockerfile.DockerfileException;
import io.jcompose.image.build.dockerfile.DockerfileParser;
import io.jcompose.image.build.dockerfile.From;
import io.jcompose.image.build.dockerfile.Instruction;
import io.jcompose.image.build.dockerfile.Stage;
import io.jcompose.image.build.layer.LayerCommitter;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.build.state.ConfigDraft;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.layer.Trees;
import io.jcompose.image.reference.ImageReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Builds an image from a Dockerfile into the {@link ImageStore}, in the order docker build does:
 * <ol>
 *   <li>read and parse the Dockerfile; pick the stages the target needs;</li>
 *   <li>per stage: resolve FROM (an earlier stage, {@code scratch}, or an image, pulled when absent or
 *       asked), run the base image's ONBUILD triggers, then each instruction as a step — through the step
 *       cache, so an unchanged step is reused and a changed one re-runs it and everything after it;</li>
 *   <li>write the final stage's state as an image and move the tags to it.</li>
 * </ol>
 * Nothing is tagged or recorded until the last step succeeded: a failed build leaves its cached steps
 * (for the next attempt) but no image. RUN steps run through the {@link StepRunner}; the store never mounts.
 */
public final class Builder {
    private final ImageStore store;
    private final StepRunner runner;
    private final StepCache cache;
    private final LayerCommitter committer;
    private final Path work;
    /** File hashes per context directory, kept across builds: a rebuild re-reads only changed files. */
    private final Map<Path, FileHashCache> hashes = new ConcurrentHashMap<>();

    public Builder(ImageStore store, StepRunner runner) {
        this.store = store;
        this.runner = runner;
        this.cache = new StepCache(store.root().resolve("build-cache"), store.layers(), store.content());
        this.committer = new LayerCommitter(store.content(), store.layers());
        this.work = store.root().resolve("build-work");
    }

    /**
     * Builds, reporting progress to {@code events}; returns the image's record (tagged).
     *
     * @throws BuildException naming the failing step (number, text, line), its exit code and last output
     *                        lines, or what is wrong with the Dockerfile, context or base image
     */
    public ImageRecord build(BuildRequest request, Consumer<BuildEvent> events) throws InterruptedException {
        for (String tag : request.tags()) {
            try {
                ImageReference.parse(tag);
            } catch (ImageException e) {
                throw new BuildException("invalid tag " + tag + ": " + e.problem(), e.fix());
            }
        }
        Dockerfile dockerfile = parse(request);
        List<Stage> stages;
        try {
            stages = dockerfile.stagesFor(request.target() == null ? null : request.target().toLowerCase(Locale.ROOT));
        } catch (DockerfileException e) {
            throw new BuildException(e.getMessage(), null);
        }
        int total = stages.stream().mapToInt(s -> 1 + s.instructions().size()).sum();
        Path dockerfilePath = request.dockerfileInline() == null ? dockerfilePath(request) : null;
        BuildContext context = new BuildContext(request.context(), DockerIgnore.forContext(request.context(), dockerfilePath),
                hashes.computeIfAbsent(request.context().toAbsolutePath().normalize(), p -> new FileHashCache()));
        return store.building(() -> {
            Path buildWork = work.resolve(UUID.randomUUID().toString());
            try {
                Files.createDirectories(buildWork);
                BuildSession session = new BuildSession(cache, committer, new FileSteps(buildWork, store.layers()),
                        new RunSteps(store, runner, committer, request, events, total),
                        new BaseResolver(store, request.pull()), request, events, dockerfile.escape(), context);
                ArgScope args = new ArgScope(request.args());
                for (Arg arg : dockerfile.globalArgs()) {
                    Arg expanded = (Arg) arg.expand(args::lookupGlobal, dockerfile.escape());
                    for (ArgDecl d : expanded.decls()) args.declareGlobal(d);
                }
                int number = 0;
                BuildState last = null;
                for (Stage stage : stages) {
                    String stageName = stage.name() != null ? stage.name() : String.valueOf(stage.index());
                    number++;
                    events.accept(new BuildEvent.StepStarted(number, total, stageName, stage.from().text()));
                    long start = System.nanoTime();
                    From from = (From) stage.from().expand(args::lookupGlobal, dockerfile.escape());
                    BuildState base = base(session, from);
                    args.enterStage();
                    StageBuild build = new StageBuild(session, stage, args, withoutOnBuild(base));
                    for (Instruction trigger : OnBuildTriggers.of(base)) build.step(number, trigger);
                    events.accept(new BuildEvent.StepDone(number, (System.nanoTime() - start) / 1_000_000));
                    for (Instruction instruction : stage.instructions()) {
                        number++;
                        events.accept(new BuildEvent.StepStarted(number, total, stageName, instruction.text()));
                        build.step(number, instruction);
                    }
                    last = build.state();
                    session.finished(stage.index(), stage.name(), last);
                }
                ImageRecord image = new ImageWriter(store).write(last, request.labels(), request.tags());
                events.accept(new BuildEvent.Done(image.id().toString(), image.tags()));
                return image;
            } catch (IOException e) {
                throw new BuildException("cannot prepare the build's work directory " + buildWork + ": " + e.getMessage(),
                        "check free space and permissions under the image store");
            } finally {
                try {
                    Trees.delete(buildWork);
                } catch (IOException ignored) {
                    // an abandoned work directory holds no state; the next builder start removes it
                }
            }
        });
    }

    /** Removes work directories a crashed build left; call once before the first build. */
    public void removeAbandoned() {
        // Step snapshots of a build that was cut short; the agent has unmounted them by now.
        for (String key : store.snapshotKeys()) {
            if (key.startsWith("build-")) store.removeSnapshot(key);
        }
        try {
            Trees.delete(work);
        } catch (IOException e) {
            throw new BuildException("cannot remove " + work + ": " + e.getMessage(), "remove it by hand");
        }
    }

    private BuildState base(BuildSession session, From from) {
        String image = from.image();
        if (image.equalsIgnoreCase("scratch")) return BaseResolver.scratch();
        BuildState stage = session.stage(image.toLowerCase(Locale.ROOT));
        if (stage != null) return stage;
        return session.bases().image(image);
    }

    /** A child image does not inherit ONBUILD: the triggers run once, here. */
    private static BuildState withoutOnBuild(BuildState base) {
        ConfigDraft draft = new ConfigDraft(base.config());
        if (draft.onBuild == null) return base;
        draft.onBuild = null;
        return base.withConfig(draft.toJson());
    }

    private static Dockerfile parse(BuildRequest request) {
        String text;
        String source;
        if (request.dockerfileInline() != null) {
            text = request.dockerfileInline();
            source = "dockerfile_inline";
        } else {
            Path path = dockerfilePath(request);
            source = path.toString();
            try {
                text = Files.readString(path);
            } catch (NoSuchFileException e) {
                throw new BuildException("Dockerfile " + path + " does not exist",
                        "create it, or point build.dockerfile at the right file");
            } catch (IOException e) {
                throw new BuildException("cannot read " + path + ": " + e.getMessage(), "check its permissions");
            }
        }
        try {
            return DockerfileParser.parse(text, source);
        } catch (DockerfileException e) {
            throw new BuildException(e.getMessage(), null);
        }
    }

    private static Path dockerfilePath(BuildRequest request) {
        Path given = request.dockerfile();
        if (given == null) return request.context().resolve("Dockerfile");
        return given.isAbsolute() ? given : request.context().resolve(given);
    }
}
