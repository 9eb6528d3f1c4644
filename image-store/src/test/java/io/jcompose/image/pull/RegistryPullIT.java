package io.jcompose.image.pull;

import static io.jcompose.image.fixture.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.event.PullEvent;
import io.jcompose.image.fixture.BusyboxImages;
import io.jcompose.image.fixture.ImageBuilder;
import io.jcompose.image.fixture.ImageBuilder.Built;
import io.jcompose.image.fixture.ImageBuilder.Compression;
import io.jcompose.image.fixture.RegistryServer;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.posix.Posix;
import io.jcompose.image.push.ImagePusher;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import io.jcompose.image.snapshot.Mount;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from a real registry (Debian's docker-registry on 127.0.0.1) images this test builds and pushes. */
class RegistryPullIT {
    private static RegistryServer registry;
    private static RegistryClient client;

    @TempDir
    Path temp;
    ContentStore source;
    ImageStore store;
    Path storeRoot;
    final List<PullEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = RegistryServer.anonymous();
        client = new RegistryClient(RegistryOptions.defaults().withRetries(2, Duration.ofMillis(20)), CredentialSource.NONE);
    }

    @AfterAll
    static void stopRegistry() throws IOException {
        if (registry != null) registry.close();
    }

    @BeforeEach
    void stores() {
        source = new ContentStore(temp.resolve("source"));
        storeRoot = temp.resolve("images");
        store = new ImageStore(storeRoot, client, ApplyOptions.defaults());
    }

    private ImageReference push(String name, Built image) {
        ImageReference ref = ImageReference.parse(registry.host() + "/" + name);
        new ImagePusher(client, source).push(ref, image.digest(), image.mediaType());
        return ref;
    }

    private ImageRecord pull(ImageReference ref) {
        return store.pull(ref, Platform.LINUX_AMD64, events::add);
    }

    @Test
    void pullsUnpacksAndDescribesTheSnapshot() throws Exception {
        Built app = BusyboxImages.app(source, "1");
        ImageReference ref = push("it/app:1", app);
        ImageRecord image = pull(ref);

        assertThat(image.id()).isEqualTo(app.config());
        assertThat(image.tags()).containsExactly(registry.host() + "/it/app:1");
        assertThat(image.repoDigests()).containsExactly(registry.host() + "/it/app@" + app.digest());
        assertThat(image.chainIds()).hasSize(5);
        assertThat(store.find(registry.host() + "/it/app:1")).contains(image);
        assertThat(store.find(image.id().encoded().substring(0, 12))).contains(image);

        ImageConfig config = store.config(image);
        assertThat(config.cmd()).containsExactly("/bin/sh", "-c", "echo hi");
        assertThat(config.env()).contains("GREETING=hello");
        assertThat(config.exposedPorts()).containsExactly("8080/tcp");
        assertThat(config.healthcheck().test()).containsExactly("CMD-SHELL", "true");
        assertThat(config.labels()).containsEntry("org.example.test", "yes");

        Path l1 = store.layers().diff(image.chainIds().get(0));
        assertThat(Files.readAllBytes(l1.resolve("bin/busybox"))).isEqualTo(BusyboxImages.busybox());
        assertThat(Files.readSymbolicLink(l1.resolve("bin/sh")).toString()).isEqualTo("busybox");
        assertThat(Files.getAttribute(l1.resolve("bin/ls"), "unix:ino")).isEqualTo(Files.getAttribute(l1.resolve("bin/busybox"), "unix:ino"));
        Path l2 = store.layers().diff(image.chainIds().get(1));
        assertThat((Integer) Files.getAttribute(l2.resolve("data/setuid"), "unix:mode") & 07777).isEqualTo(04755);
        Path l3 = store.layers().diff(image.chainIds().get(2));
        assertThat(Files.getAttribute(l3.resolve("etc/gone.txt"), "unix:mode", LinkOption.NOFOLLOW_LINKS)).isEqualTo(Posix.S_IFCHR);
        assertThat(Files.getAttribute(l3.resolve("etc/gone.txt"), "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
        String opaque = Posix.geteuid() == 0 ? "trusted.overlay.opaque" : "user.overlay.opaque";
        assertThat(Posix.lgetxattr(l3.resolve("var/cache"), opaque)).isEqualTo("y".getBytes());
        assertThat(Files.readAllBytes(store.layers().diff(image.chainIds().get(3)).resolve("opt/big"))).isEqualTo(BusyboxImages.BIG);

        assertThat(events).filteredOn(e -> e instanceof PullEvent.LayerExtracted).hasSize(5);
        assertThat(events.getFirst()).isInstanceOf(PullEvent.Resolving.class);
        assertThat(events.getLast()).isInstanceOf(PullEvent.Pulled.class);

        Mount mount = store.prepareSnapshot("c1", image);
        assertThat(mount.type()).isEqualTo("overlay");
        assertThat(mount.options().getFirst()).startsWith("lowerdir=" + storeRoot.toAbsolutePath().resolve("l/"));
        assertThat(storeRoot.resolve("ingest")).isEmptyDirectory();
    }

    @Test
    void theOverlayHidesWhatTheUpperLayerDeleted() throws Exception {
        assumeTrue(Posix.geteuid() == 0, "mounting needs root");
        ImageReference ref = push("it/mounted:1", BusyboxImages.app(source, "1"));
        ImageRecord image = pull(ref);
        Mount mount = store.prepareSnapshot("mounted", image);
        Path target = Files.createDirectory(temp.resolve("rootfs"));
        run(mount.workingDirectory(), mount.command(target));
        try {
            assertThat(Files.readAllBytes(target.resolve("bin/busybox"))).isEqualTo(BusyboxImages.busybox());
            assertThat(Files.readString(target.resolve("etc/motd"))).isEqualTo("hello\n");
            assertThat(target.resolve("etc/gone.txt")).doesNotExist();
            assertThat(target.resolve("var/cache/old")).doesNotExist();
            assertThat(Files.readString(target.resolve("var/cache/new"))).isEqualTo("new\n");
            assertThat(Files.readString(target.resolve("app/version"))).isEqualTo("1\n");
            assertThat(run(null, List.of("chroot", target.toString(), "/bin/sh", "-c", "echo hi from $(/bin/busybox cat /app/version)")))
                    .isEqualTo("hi from 1\n");
            Files.writeString(target.resolve("etc/written"), "by the container");
        } finally {
            run(null, List.of("umount", target.toString()));
        }
        assertThat(store.layers().diff(image.chainIds().get(0)).resolve("etc/written")).doesNotExist();
        assertThat(Files.readString(temp.resolve("images/snapshots/mounted/upper/etc/written"))).isEqualTo("by the container");
        store.removeSnapshot("mounted");
        assertThat(temp.resolve("images/snapshots/mounted")).doesNotExist();
    }

    @Test
    void aSecondImageSharingFourLayersFetchesOnlyTheFifth() {
        pull(push("it/shared:1", BusyboxImages.app(source, "1")));
        events.clear();
        ImageRecord second = pull(push("it/shared:2", BusyboxImages.app(source, "2")));
        assertThat(events).filteredOn(e -> e instanceof PullEvent.LayerAlreadyPresent).hasSize(4);
        assertThat(events).filteredOn(e -> e instanceof PullEvent.LayerDownloaded).hasSize(1);
        assertThat(Files.exists(store.layers().diff(second.chainIds().get(4)).resolve("app/version"))).isTrue();
        assertThat(store.list()).hasSize(2);
    }

    @Test
    void aMultiPlatformIndexResolvesToTheRequestedPlatform() {
        Built amd = BusyboxImages.appFor(source, Platform.LINUX_AMD64);
        Built arm = BusyboxImages.appFor(source, Platform.parse("linux/arm64"));
        Built index = ImageBuilder.index(source, new java.util.LinkedHashMap<>(Map.of(Platform.LINUX_AMD64, amd,
                Platform.parse("linux/arm64/v8"), arm)));
        ImageReference ref = push("it/multi:1", index);

        ImageRecord amdImage = pull(ref);
        assertThat(amdImage.id()).isEqualTo(amd.config());
        assertThat(amdImage.manifest()).isEqualTo(amd.digest());
        assertThat(amdImage.repoDigests()).containsExactly(registry.host() + "/it/multi@" + index.digest());
        ImageRecord armImage = store.pull(ref, Platform.parse("linux/arm64"), events::add);
        assertThat(armImage.id()).isEqualTo(arm.config());
        assertThat(store.config(armImage).platform()).isEqualTo(Platform.parse("linux/arm64"));

        assertThatThrownBy(() -> store.pull(ref, Platform.parse("linux/s390x"), events::add))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.NOT_FOUND);
                    assertThat(e.problem()).contains("it/multi:1").contains("linux/amd64").contains("linux/arm64");
                });
    }

    @Test
    void aSinglePlatformImageForAnotherPlatformIsRefused() {
        ImageReference ref = push("it/armonly:1", BusyboxImages.appFor(source, Platform.parse("linux/arm64")));
        assertThatThrownBy(() -> pull(ref)).isInstanceOfSatisfying(ImageException.class,
                e -> assertThat(e.problem()).contains("built for linux/arm64, not for linux/amd64"));
        assertStoreEmpty();
    }

    @Test
    void pullsByDigest() {
        Built app = BusyboxImages.app(source, "d");
        push("it/bydigest:1", app);
        ImageRecord image = pull(ImageReference.parse(registry.host() + "/it/bydigest@" + app.digest()));
        assertThat(image.id()).isEqualTo(app.config());
        assertThat(image.tags()).isEmpty();
        assertThat(store.find(registry.host() + "/it/bydigest@" + app.digest())).contains(image);
    }

    @Test
    void anUnknownImageIsNotFoundAndNothingIsStored() {
        assertThatThrownBy(() -> pull(ImageReference.parse(registry.host() + "/it/nope:1")))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.NOT_FOUND);
                    assertThat(e.problem()).contains("it/nope:1").contains("not found");
                    assertThat(e.fix()).isNotBlank();
                });
        assertStoreEmpty();
    }

    @Test
    void aHostileLayerFailsThePullNamingImageAndLayerAndLeavesNothing() {
        Built evil = new ImageBuilder(source).layer(layer().dir("ok/").file("ok/a", "fine"), Compression.GZIP)
                .layer(layer().file("../escaped", "evil"), Compression.GZIP).build();
        ImageReference ref = push("it/evil:1", evil);
        assertThatThrownBy(() -> pull(ref)).isInstanceOfSatisfying(ImageException.class, e -> {
            assertThat(e.kind()).isEqualTo(ImageException.Kind.INVALID_ARGUMENT);
            assertThat(e.problem()).contains("it/evil:1").contains(evil.layers().get(1).digest().toString())
                    .contains("climbs out");
        });
        assertThat(temp.resolve("escaped")).doesNotExist();
        assertThat(storeRoot.resolve("escaped")).doesNotExist();
        assertStoreEmpty();
    }

    @Test
    void aLayerWhoseContentDiffersFromTheConfigIsRefused() {
        Built lying = new ImageBuilder(source).rawLayer(layer().file("a", "a").gzip(),
                io.jcompose.image.manifest.MediaTypes.OCI_LAYER_GZIP,
                io.jcompose.image.digest.Digest.sha256("something else".getBytes())).build();
        ImageReference ref = push("it/lying:1", lying);
        assertThatThrownBy(() -> pull(ref)).isInstanceOfSatisfying(ImageException.class,
                e -> assertThat(e.problem()).contains("it/lying:1").contains("image config says"));
        assertStoreEmpty();
    }

    @Test
    void aTamperedBlobIsCaughtByItsDigest() throws IOException {
        Built app = uniqueTop("t");
        ImageReference ref = push("it/tampered:1", app);
        String hex = app.layers().get(4).digest().encoded();
        try (RandomAccessFile f = new RandomAccessFile(registry.blobData(hex).toFile(), "rw")) {
            f.seek(1000);
            int b = f.read();
            f.seek(1000);
            f.write(b ^ 0xff);
        }
        assertThatThrownBy(() -> pull(ref)).isInstanceOfSatisfying(ImageException.class, e -> {
            assertThat(e.kind()).isEqualTo(ImageException.Kind.INVALID_ARGUMENT);
            assertThat(e.problem()).contains("it/tampered:1").contains(hex).contains("digest mismatch");
        });
        assertStoreEmpty();
    }

    @Test
    void aTruncatedBlobFailsThePull() throws IOException {
        Built app = uniqueTop("tr");
        ImageReference ref = push("it/truncated:1", app);
        String hex = app.layers().get(4).digest().encoded();
        try (RandomAccessFile f = new RandomAccessFile(registry.blobData(hex).toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertThatThrownBy(() -> pull(ref)).isInstanceOfSatisfying(ImageException.class,
                e -> assertThat(e.problem()).contains("it/truncated:1").contains(hex).contains("truncated"));
        assertStoreEmpty();
    }

    @Test
    void removeRefusesWhileUsedAndPruneCollectsWhatNothingReferences() {
        ImageRecord one = pull(push("it/rm:1", BusyboxImages.app(source, "1")));
        ImageRecord two = pull(push("it/rm:2", BusyboxImages.app(source, "2")));
        assertThatThrownBy(() -> store.remove(registry.host() + "/it/rm:1", image -> true))
                .isInstanceOfSatisfying(ImageException.class,
                        e -> assertThat(e.kind()).isEqualTo(ImageException.Kind.FAILED_PRECONDITION));
        assertThat(store.remove(registry.host() + "/it/rm:1", image -> false)).containsExactly(one.id());
        // the same image under two tags: removing one tag keeps it, removing it by id needs force
        ImageRecord twoTags = store.pull(push("it/rm:3", BusyboxImages.app(source, "2")), Platform.LINUX_AMD64, events::add);
        assertThat(twoTags.id()).isEqualTo(two.id());
        assertThat(twoTags.tags()).hasSize(2);
        assertThatThrownBy(() -> store.remove(two.id().toString(), image -> false))
                .hasMessageContaining("referenced by 2 tags");
        assertThat(store.remove(registry.host() + "/it/rm:3", image -> false)).isEmpty();
        assertThat(store.find(registry.host() + "/it/rm:3")).isEmpty();
        assertThat(store.find(registry.host() + "/it/rm:2")).isPresent();
        assertThat(store.layers().list()).hasSize(5);
        assertThat(store.content().contains(one.id())).isFalse();
        assertThat(store.content().contains(two.id())).isTrue();
        ImageStore.PruneResult pruned = store.prune(true, image -> false);
        assertThat(pruned.images()).containsExactly(two.id());
        assertStoreEmpty();
    }

    /** The base with a top layer of random bytes no other test shares, so damaging it in the registry harms no one. */
    private Built uniqueTop(String name) {
        byte[] noise = new byte[256 * 1024];
        new java.util.Random(name.hashCode()).nextBytes(noise);
        return BusyboxImages.base(source).layer(layer().file(name, noise, 0644), Compression.GZIP).build();
    }

    private void assertStoreEmpty() {
        assertThat(store.list()).isEmpty();
        assertThat(store.content().list()).isEmpty();
        assertThat(store.layers().list()).isEmpty();
        assertThat(storeRoot.resolve("ingest")).isEmptyDirectory();
        try (Stream<Path> s = Files.list(storeRoot.resolve("layers"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(".empty");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) pb.directory(dir.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
