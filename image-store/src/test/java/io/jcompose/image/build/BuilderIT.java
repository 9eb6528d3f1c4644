package io.jcompose.image.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.build.layer.LayeredTree;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.posix.Posix;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole builds from a busybox-static rootfs, RUN steps in chroot; root only. */
@Tag("root")
class BuilderIT {
    private static final String DOCKERFILE = """
            FROM scratch AS base
            ADD rootfs.tar /

            FROM base AS builder
            ARG VERSION=1
            RUN echo "built $VERSION" > /out.txt

            FROM base
            ENV GREETING=hello
            WORKDIR /app
            COPY --chown=app:extra app.txt ./
            COPY --from=builder /out.txt /app/out.txt
            RUN echo "$GREETING $(cat app.txt)" > run.txt && rm /etc/motd
            USER app
            LABEL org.example.kind=test
            CMD ["cat", "run.txt"]
            """;

    @TempDir
    Path temp;
    Path context;
    ImageStore store;
    ChrootStepRunner runner;
    Builder builder;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        assumeTrue(Posix.geteuid() == 0, "needs root (mount, chroot)");
        context = BusyboxContext.create(temp.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
        Files.writeString(context.resolve("app.txt"), "v1");
        store = new ImageStore(temp.resolve("store"), new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE),
                ApplyOptions.defaults());
        runner = new ChrootStepRunner(Files.createDirectories(temp.resolve("mnt")));
        builder = new Builder(store, runner);
    }

    @AfterEach
    void noLeftovers() throws IOException {
        if (store == null) return;
        try (var snapshots = Files.list(temp.resolve("store/snapshots"))) {
            assertThat(snapshots).as("snapshots left behind").isEmpty();
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(temp.toString());
    }

    private List<BuildEvent> build(BuildRequest request) throws InterruptedException {
        List<BuildEvent> events = new ArrayList<>();
        builder.build(request, events::add);
        return events;
    }

    private BuildRequest request() {
        return BuildRequest.of(context, List.of("example/app:1")).withLabels(Map.of("org.example.by", "request"));
    }

    private String read(ImageRecord image, String path) throws IOException {
        LayeredTree tree = new LayeredTree(image.chainIds().stream().map(store.layers()::diff).toList());
        Path file = tree.find(path);
        return file == null ? null : Files.readString(file);
    }

    private static long count(List<BuildEvent> events, Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }

    @Test
    void buildsAMultiStageImageWithFilesConfigAndOwners() throws Exception {
        List<BuildEvent> events = build(request());

        ImageRecord image = store.find("example/app:1").orElseThrow();
        assertThat(events.getLast()).isEqualTo(new BuildEvent.Done(image.id().toString(), image.tags()));
        assertThat(read(image, "/app/app.txt")).isEqualTo("v1");
        assertThat(read(image, "/app/out.txt")).isEqualTo("built 1\n");
        assertThat(read(image, "/app/run.txt")).isEqualTo("hello v1\n");
        assertThat(read(image, "/etc/motd")).as("deleted by RUN: a whiteout").isNull();
        assertThat(read(image, "/etc/passwd")).contains("app:x:1000");
        LayeredTree tree = new LayeredTree(image.chainIds().stream().map(store.layers()::diff).toList());
        assertThat(Files.getAttribute(tree.find("/app/app.txt"), "unix:uid")).isEqualTo(1000);
        assertThat(Files.getAttribute(tree.find("/app/app.txt"), "unix:gid")).isEqualTo(2000);
        ImageConfig config = store.config(image);
        assertThat(config.env()).contains("GREETING=hello", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        assertThat(config.env()).noneMatch(e -> e.startsWith("VERSION="));
        assertThat(config.cmd()).containsExactly("cat", "run.txt");
        assertThat(config.workingDir()).isEqualTo("/app");
        assertThat(config.user()).isEqualTo("app");
        assertThat(config.labels()).containsEntry("org.example.kind", "test").containsEntry("org.example.by", "request");
        // ADD, WORKDIR (new dir), COPY, COPY --from, RUN
        assertThat(image.chainIds()).hasSize(5);
        assertThat(runner.steps).extracting(RunStep::network).containsOnly("none");
        assertThat(runner.steps.getFirst().env()).contains("VERSION=1");
    }

    @Test
    void copyAndWorkdirLeaveTheImagesExistingDirectoriesAsTheyWere() throws Exception {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch
                ADD rootfs.tar /
                RUN mkdir -p /tmp && chmod 1777 /tmp && chown 1000:2000 /tmp
                COPY app.txt /tmp/
                WORKDIR /tmp/work
                """);
        build(request());

        ImageRecord image = store.find("example/app:1").orElseThrow();
        LayeredTree tree = new LayeredTree(image.chainIds().stream().map(store.layers()::diff).toList());
        Path tmp = tree.find("/tmp");
        assertThat((Integer) Files.getAttribute(tmp, "unix:mode") & 07777).isEqualTo(01777);
        assertThat(Files.getAttribute(tmp, "unix:uid")).isEqualTo(1000);
        assertThat(read(image, "/tmp/app.txt")).isEqualTo("v1");
        assertThat((Integer) Files.getAttribute(tree.find("/tmp/work"), "unix:mode") & 07777).isEqualTo(0755);
    }

    @Test
    void copyHeredocBodiesExpandTheirVariablesAndAChangedArgumentRewritesTheFile() throws Exception {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch
                ADD rootfs.tar /
                ARG NAME=world
                COPY <<EOF /greeting.txt
                hello ${NAME}
                EOF
                COPY <<'EOF' /literal.txt
                hello ${NAME}
                EOF
                """);
        build(request());
        ImageRecord first = store.find("example/app:1").orElseThrow();
        assertThat(read(first, "/greeting.txt")).isEqualTo("hello world\n");
        assertThat(read(first, "/literal.txt")).isEqualTo("hello ${NAME}\n");

        build(request().withArgs(Map.of("NAME", "there")));
        ImageRecord second = store.find("example/app:1").orElseThrow();
        assertThat(read(second, "/greeting.txt")).isEqualTo("hello there\n");
    }

    @Test
    void flagsWhoseEffectIsNotReproducedFailTheBuild() throws Exception {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch
                ADD rootfs.tar /
                COPY --exclude=*.md . /app/
                """);
        assertThatThrownBy(() -> build(request())).isInstanceOf(BuildException.class)
                .hasMessageContaining("line 3").hasMessageContaining("--exclude is not supported");
        assertThat(store.find("example/app:1")).isEmpty();
    }

    @Test
    void anUnchangedRebuildIsFullyCachedAndGivesTheSameImage() throws Exception {
        build(request());
        ImageRecord first = store.find("example/app:1").orElseThrow();
        int runs = runner.steps.size();

        List<BuildEvent> events = build(request());

        ImageRecord second = store.find("example/app:1").orElseThrow();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(runner.steps).hasSize(runs);
        long stepsWithoutFrom = count(events, BuildEvent.StepStarted.class) - 3;
        assertThat(count(events, BuildEvent.StepCached.class)).isEqualTo(stepsWithoutFrom);
    }

    @Test
    void aChangedFileReRunsOnlyFromItsCopyOn() throws Exception {
        build(request());
        ImageRecord first = store.find("example/app:1").orElseThrow();
        runner.steps.clear();
        Files.writeString(context.resolve("app.txt"), "v2");

        List<BuildEvent> events = build(request());

        ImageRecord second = store.find("example/app:1").orElseThrow();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(read(second, "/app/run.txt")).isEqualTo("hello v2\n");
        List<String> ran = new ArrayList<>();
        List<String> cached = new ArrayList<>();
        String current = null;
        for (BuildEvent e : events) {
            if (e instanceof BuildEvent.StepStarted s) current = s.text();
            if (e instanceof BuildEvent.StepCached) cached.add(current);
            if (e instanceof BuildEvent.StepDone && !current.startsWith("FROM")) ran.add(current);
        }
        assertThat(ran).containsExactly("COPY --chown=app:extra app.txt ./", "COPY --from=builder /out.txt /app/out.txt",
                "RUN echo \"$GREETING $(cat app.txt)\" > run.txt && rm /etc/motd", "USER app",
                "LABEL org.example.kind=test", "CMD [\"cat\", \"run.txt\"]");
        assertThat(cached).contains("ADD rootfs.tar /", "RUN echo \"built $VERSION\" > /out.txt", "WORKDIR /app");
        assertThat(runner.steps).hasSize(1);
        assertThat(store.find("sha256:" + first.id().encoded())).as("the old image stays, untagged").get()
                .extracting(ImageRecord::tags).asList().isEmpty();
    }

    @Test
    void noCacheRunsEveryStepAgain() throws Exception {
        build(request());
        runner.steps.clear();

        List<BuildEvent> events = build(request().withNoCache(true));

        assertThat(count(events, BuildEvent.StepCached.class)).isZero();
        assertThat(runner.steps).hasSize(2);
    }

    @Test
    void aChangedBuildArgReRunsTheRunThatSeesIt() throws Exception {
        build(request());
        runner.steps.clear();

        build(request().withArgs(Map.of("VERSION", "2")));

        assertThat(read(store.find("example/app:1").orElseThrow(), "/app/out.txt")).isEqualTo("built 2\n");
        assertThat(runner.steps).hasSize(2);
    }

    @Test
    void aFailingRunReportsItsExitCodeAndOutputAndLeavesNoImage() throws Exception {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch
                ADD rootfs.tar /
                RUN echo first line && echo boom >&2 && exit 3
                CMD ["true"]
                """);

        assertThatThrownBy(() -> build(request()))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("step 3/4")
                .hasMessageContaining("line 3")
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("first line\nboom");
        assertThat(store.list()).isEmpty();
        assertThat(store.find("example/app:1")).isEmpty();
    }

    @Test
    void heredocsAndTargetStage() throws Exception {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch AS base
                ADD rootfs.tar /
                COPY <<EOF /etc/greeting
                hi there
                EOF
                RUN <<EOF
                echo one > /one.txt
                echo two >> /one.txt
                EOF

                FROM base AS unused
                RUN exit 1
                """);

        build(request().withTarget("base"));

        ImageRecord image = store.find("example/app:1").orElseThrow();
        assertThat(read(image, "/etc/greeting")).isEqualTo("hi there\n");
        assertThat(read(image, "/one.txt")).isEqualTo("one\ntwo\n");
    }
}
