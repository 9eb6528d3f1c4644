package io.jcompose.agent.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.PullProgressView;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.fixture.BusyboxImages;
import io.jcompose.image.fixture.ImageBuilder.Built;
import io.jcompose.image.fixture.RegistryServer;
import io.jcompose.image.push.ImagePusher;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containers from images, end to end in a real agent: the agent pulls a busybox image this test builds
 * and pushes to Debian's docker-registry on 127.0.0.1, mounts its snapshot, runs the image's process,
 * and leaves no mount or snapshot behind when the container goes.
 */
class ImageContainerIT {
    static AgentFixture agent;
    static RegistryServer registry;
    static String ref;
    static Path scratch;

    @BeforeAll
    static void start() throws IOException {
        agent = AgentFixture.start();
        registry = RegistryServer.anonymous();
        scratch = Files.createDirectories(agent.host().root().resolve("source"));
        ContentStore source = new ContentStore(scratch);
        Built image = BusyboxImages.app(source, "1");
        ref = registry.host() + "/it/busybox:1";
        RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE);
        new ImagePusher(client, source).push(ImageReference.parse(ref), image.digest(), image.mediaType());
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (agent != null) {
                agent.close();
            }
        } finally {
            if (registry != null) {
                registry.close();
            }
        }
    }

    @AfterEach
    void removeContainers() {
        agent.removeAll();
    }

    static ContainerSpecBody spec(String image, List<String> entrypoint, List<String> command, List<String> env,
                                  String user) {
        return new ContainerSpecBody(command, env, null, user, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null,
                image, entrypoint, null, null, null, null, null);
    }

    ImageView pull() {
        List<PullProgressView> progress = new CopyOnWriteArrayList<>();
        ImageView image = agent.client().pullImage(ref, null, progress::add);
        assertThat(progress).extracting(PullProgressView::status).contains("resolving", "pulled");
        return image;
    }

    Path snapshot(String containerId) {
        return agent.host().dataRoot().resolve("images/snapshots").resolve(containerId);
    }

    static boolean mounted(Path target) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .anyMatch(l -> l.split(" ")[4].equals(target.toString()));
    }

    @Test
    void containerRunsTheImagesProcessOverItsLayersAndLeavesNothingWhenRemoved() throws IOException {
        ImageView image = pull();
        assertThat(image.repoTags()).containsExactly(ref);
        assertThat(image.config().cmd()).containsExactly("/bin/sh", "-c", "echo hi");

        AgentFixture.Run byDefault = agent.run("default", ContainerSpecBody.ofImage(ref));
        assertThat(byDefault.exitCode()).isZero();
        assertThat(byDefault.stdout()).isEqualTo("hi");

        ContainerView c = agent.create("probe", spec(ref, null,
                List.of("sh", "-c", "echo $GREETING $PATH $EXTRA; test -e /etc/gone.txt && echo present || echo absent;"
                        + " cat /app/version; ls /var/cache"), List.of("EXTRA=x"), null));
        assertThat(c.imageId()).isEqualTo(image.id());
        Path rootfs = agent.host().dataRoot().resolve("containers").resolve(c.id()).resolve("rootfs");
        assertThat(mounted(rootfs)).as("mounted at create").isTrue();
        agent.client().start(c.id());
        assertThat(agent.client().awaitExit(c.id()).exitCode()).isZero();
        // The image's env with the service's added; a file an upper layer deleted is gone; an opaque directory
        // shows only the upper layer's entries.
        assertThat(agent.output(c.id(), true, false)).isEqualTo("hello /bin x\nabsent\n1\nnew");
        assertThat(agent.client().inspect(c.id()).imageId()).isEqualTo(image.id());

        agent.client().remove(c.id(), false);
        assertThat(mounted(rootfs)).isFalse();
        assertThat(snapshot(c.id())).doesNotExist();
        assertThat(rootfs.getParent()).doesNotExist();
    }

    @Test
    void anEntrypointDropsTheImagesCmd() {
        pull();
        AgentFixture.Run run = agent.run("entry", spec(ref, List.of("/bin/busybox", "echo", "from-entrypoint"), null, null, null));
        // Had the image's Cmd been kept, it would follow as arguments: "from-entrypoint /bin/sh -c echo hi".
        assertThat(run.stdout()).isEqualTo("from-entrypoint");
    }

    @Test
    void removingAnImageInUseIsRefusedNamingTheContainer() {
        ImageView image = pull();
        ContainerView c = agent.create("user", ContainerSpecBody.ofImage(ref));
        assertThatThrownBy(() -> agent.client().removeImage(ref, false))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.problem()).contains(c.name());
                });
        assertThatThrownBy(() -> agent.client().removeImage(image.id(), true)).isInstanceOf(AgentException.class);
        assertThat(agent.client().pruneImages(true).imagesDeleted()).isEmpty();
        assertThat(agent.client().images()).extracting(ImageView::id).contains(image.id());
        agent.client().remove(c.id(), false);
        agent.client().removeImage(ref, false);
        assertThat(agent.client().images()).extracting(ImageView::id).doesNotContain(image.id());
    }

    @Test
    void aSavedArchiveLoadsBackAndRuns() throws IOException {
        ImageView image = pull();
        Path archive = scratch.resolve("saved.tar");
        try (OutputStream out = Files.newOutputStream(archive)) {
            agent.client().saveImages(List.of(ref), "docker", out);
        }
        agent.client().removeImage(ref, false);
        assertThatThrownBy(() -> agent.create("missing", ContainerSpecBody.ofImage(ref)))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("is not present").contains("jcompose pull");
                });

        List<ImageView> loaded = agent.client().loadImages(archive);
        assertThat(loaded).extracting(ImageView::id).containsExactly(image.id());
        assertThat(agent.client().inspectImage(ref).config().env()).contains("GREETING=hello");
        AgentFixture.Run run = agent.run("loaded", ContainerSpecBody.ofImage(ref));
        assertThat(run.stdout()).isEqualTo("hi");
    }

    @Test
    void aFailedCreateLeavesNoSnapshotMountRowOrBundle() throws IOException {
        pull();
        assertThatThrownBy(() -> agent.create("nobody", spec(ref, null, null, null, "no-such-user")))
                .isInstanceOf(AgentException.class).hasMessageContaining("no-such-user");
        assertThat(agent.client().list(List.of("jt=" + agent.host().prefix()))).isEmpty();
        try (var left = Files.list(agent.host().dataRoot().resolve("images/snapshots"))) {
            assertThat(left.toList()).isEmpty();
        }
        Path containers = agent.host().dataRoot().resolve("containers");
        if (Files.exists(containers)) {
            try (var left = Files.list(containers)) {
                assertThat(left.toList()).isEmpty();
            }
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(containers.toString());
    }

    @Test
    void startMountsTheSnapshotAgainWhenItIsGoneAsAfterAReboot() throws Exception {
        pull();
        ContainerView c = agent.create("reboot", spec(ref, null, List.of("sh", "-c", "cat /etc/motd"), null, null));
        Path rootfs = agent.host().dataRoot().resolve("containers").resolve(c.id()).resolve("rootfs");
        Process umount = new ProcessBuilder("umount", rootfs.toString()).inheritIO().start();
        assertThat(umount.waitFor()).isZero();
        assertThat(mounted(rootfs)).isFalse();
        agent.client().start(c.id());
        assertThat(agent.client().awaitExit(c.id()).exitCode()).isZero();
        assertThat(agent.output(c.id(), true, false)).isEqualTo("hello");
        assertThat(mounted(rootfs)).isTrue();
    }
}
