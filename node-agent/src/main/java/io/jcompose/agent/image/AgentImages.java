package io.jcompose.agent.image;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.PruneView;
import io.jcompose.agent.api.v1.PullProgressView;
import io.jcompose.agent.api.v1.SpecBodies;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.ImageRootfs;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.state.ContainerRow;
import io.jcompose.agent.state.ContainerStore;
import io.jcompose.image.ImageException;
import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.DockerConfigCredentials;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.event.PullListener;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import io.jcompose.image.snapshot.Mount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The host's image store as the agent serves it: API operations (pull, load, list, inspect, remove,
 * prune, save) with image-store errors turned into agent errors, and the root filesystems of containers
 * made from images ({@link ImageRootfs}): a snapshot per container, keyed by the container id, mounted
 * at its rootfs directory.
 *
 * <p>An image is in use while a container row names it, or while a create holds a snapshot of it
 * before its row is committed; removing and pruning never take an image in use.
 */
public final class AgentImages implements ImageRootfs {
    private static final System.Logger LOG = System.getLogger(AgentImages.class.getName());

    private final ImageStore store;
    private volatile io.jcompose.agent.build.AgentBuilds builds;
    private final ContainerStore containers;
    /** Snapshots made by this agent, container id → image id, until released. */
    private final Map<String, String> attached = new ConcurrentHashMap<>();

    public AgentImages(Path root, List<String> insecureRegistries, ContainerStore containers) {
        this.containers = containers;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw AgentException.unavailable("cannot create the image store at " + root + ": " + e.getMessage(),
                    "check that the data root is writable by root");
        }
        RegistryClient registry = new RegistryClient(
                RegistryOptions.defaults().withInsecureRegistries(Set.copyOf(insecureRegistries)),
                DockerConfigCredentials.fromEnvironment());
        this.store = translated(() -> new ImageStore(root, registry, ApplyOptions.defaults()));
    }

    /** Serves {@code /v1/builds} once the agent has given it a builder (it needs the runtime). */
    public void enableBuilds(io.jcompose.agent.build.AgentBuilds builds) {
        this.builds = builds;
    }

    /** The builder, or null when builds are not enabled (a test agent without a runtime). */
    public io.jcompose.agent.build.AgentBuilds builds() {
        return builds;
    }

    public ImageStore store() {
        return store;
    }

    // ---- API operations ----

    /** Checks a pull request before its stream starts, so a malformed one gets an error status. */
    public void checkPull(String reference, String platform) {
        if (reference == null || reference.isBlank()) {
            throw AgentException.invalid("the pull has no image reference", "send {\"reference\": \"redis:7\"}");
        }
        translated(() -> {
            ImageReference.parse(reference);
            return platform(platform);
        });
    }

    /** Pulls {@code reference}; {@code progress} is called from download threads. */
    public ImageView pull(String reference, String platform, Consumer<PullProgressView> progress) {
        checkPull(reference, platform);
        PullListener listener = event -> progress.accept(ImageViews.progress(event));
        return translated(() -> {
            ImageRecord image = store.pull(ImageReference.parse(reference), platform(platform), listener);
            return ImageViews.image(image, configOrNull(image), true);
        });
    }

    /** {@code docker load}: a docker-archive or tarred OCI layout, read as a stream. */
    public List<ImageView> load(InputStream archive) {
        return translated(() -> store.load(archive, Platform.LINUX_AMD64).stream()
                .map(r -> ImageViews.image(r, configOrNull(r), false)).toList());
    }

    public List<ImageView> list() {
        return translated(() -> store.list().stream().map(r -> ImageViews.image(r, configOrNull(r), false)).toList());
    }

    /** The image's first tag, or its id when it has none or is gone. */
    public String displayName(String imageId) {
        try {
            return store.find(imageId).map(ImageRecord::tags).filter(tags -> !tags.isEmpty())
                    .map(tags -> tags.getFirst().toString()).orElse(imageId);
        } catch (RuntimeException e) {
            return imageId;
        }
    }

    public ImageView inspect(String ref) {
        return translated(() -> {
            ImageRecord image = find(ref);
            return ImageViews.image(image, store.config(image), true);
        });
    }

    /**
     * Removes an image, or only the tag {@code ref} when other tags point at the same image. An image a
     * container uses is refused (CONFLICT naming the containers), even with {@code force}.
     */
    public void remove(String ref, boolean force) {
        translated(() -> {
            ImageRecord image = find(ref);
            boolean untagOnly = image.tags().size() > 1 && image.tags().contains(normalized(ref));
            List<String> users = users(image.id().toString());
            if (!untagOnly && !users.isEmpty()) {
                throw new AgentException(ErrorKind.CONFLICT, "image " + ref + " (" + image.id().shortHex()
                        + ") is used by " + (users.size() == 1 ? "container " : "containers ") + String.join(", ", users),
                        "remove " + (users.size() == 1 ? "that container" : "those containers") + " first");
            }
            store.remove(ref, force, r -> !users(r.id().toString()).isEmpty());
            return null;
        });
    }

    public PruneView prune(boolean all) {
        return translated(() -> ImageViews.prune(store.prune(all, r -> !users(r.id().toString()).isEmpty())));
    }

    /**
     * {@code docker save}: one tar holding both layouts (an OCI image layout whose blobs a
     * {@code manifest.json} also names), so {@code docker} and {@code oci} produce the same bytes.
     */
    public void save(List<String> refs, String format, OutputStream out) {
        checkSave(refs, format);
        translated(() -> {
            store.save(refs, out);
            return null;
        });
    }

    /** Everything {@link #save} checks before it writes: the format and that every image exists. */
    public void checkSave(List<String> refs, String format) {
        if (format != null && !format.equals("docker") && !format.equals("oci")) {
            throw AgentException.invalid("unknown archive format \"" + format + "\"", "use docker or oci");
        }
        if (refs.isEmpty()) {
            throw AgentException.invalid("no image to save", "name at least one image with ref=");
        }
        translated(() -> refs.stream().map(this::find).toList());
    }

    // ---- containers from images ----

    /** True when the spec asks for an image rather than a root filesystem directory. */
    public static boolean fromImage(ContainerSpecBody spec) {
        return spec != null && spec.image() != null && !spec.image().isBlank()
                && (spec.rootfs() == null || spec.rootfs().isBlank());
    }

    /** The create request for a spec naming an image: process merged with the image's config. */
    public ContainerService.CreateRequest createRequest(CreateContainerRequest body) {
        String ref = body.spec().image();
        ImageRecord image = translated(() -> store.find(ref)).orElseThrow(() -> AgentException.notFound(
                "image " + ref + " is not present", "pull it with `jcompose pull`, or load it with `jcompose image load`"));
        ImageConfig config = translated(() -> store.config(image));
        // The rootfs path is a stand-in: the container service mounts the snapshot at the container's own directory.
        ContainerSpecBody merged = ImageProcess.apply(body.spec(), config, "/");
        return new ContainerService.CreateRequest(body.name(), body.labels(), SpecBodies.toDomain(merged),
                image.id().toString());
    }

    /** The configuration of the image a container was made from; empty for a container from a directory. */
    public Optional<ImageConfig> containerImageConfig(String containerId) {
        Optional<String> imageId = containers.find(containerId).map(ContainerRow::imageId);
        return imageId.flatMap(id -> translated(() -> store.find(id))).map(r -> translated(() -> store.config(r)));
    }

    @Override
    public void attach(String containerId, String imageId, Path target) {
        ImageRecord image = translated(() -> store.find(imageId)).orElseThrow(() -> AgentException.notFound(
                "image " + imageId + " is not present", "pull it with `jcompose pull`, or load it with `jcompose image load`"));
        attached.put(containerId, image.id().toString());
        try {
            Mount mount = translated(() -> store.prepareSnapshot(containerId, image));
            Files.createDirectories(target);
            OverlayMounts.mount(mount, target);
        } catch (IOException | RuntimeException e) {
            try {
                release(containerId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e instanceof AgentException a ? a
                    : AgentException.internal("cannot prepare the root filesystem: " + e.getMessage(), e);
        }
    }

    @Override
    public void ensureMounted(String containerId, Path target) {
        if (OverlayMounts.hasOwnDevice(target)) {
            return;
        }
        Mount mount = translated(() -> store.snapshotMount(containerId));
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw AgentException.internal("cannot create " + target + ": " + e.getMessage(), e);
        }
        OverlayMounts.mount(mount, target);
        LOG.log(System.Logger.Level.INFO, "mounted the snapshot of {0} again", containerId);
    }

    @Override
    public void unmount(Path target) {
        OverlayMounts.unmount(target);
    }

    @Override
    public void release(String containerId) {
        translated(() -> {
            store.removeSnapshot(containerId);
            return null;
        });
        attached.remove(containerId);
    }

    // ---- helpers ----

    /** Names of the containers using image {@code id} (ids for those whose create is under way). */
    List<String> users(String id) {
        List<String> names = new ArrayList<>();
        for (ContainerRow row : containers.list(List.of())) {
            if (id.equals(row.imageId())) {
                names.add(row.name());
            }
        }
        attached.forEach((container, image) -> {
            if (image.equals(id) && containers.find(container).isEmpty()) {
                names.add(container);
            }
        });
        return names;
    }

    private ImageRecord find(String ref) {
        return store.find(ref).orElseThrow(() -> AgentException.notFound("no such image: " + ref,
                "list images with `jcompose image ls`"));
    }

    private ImageConfig configOrNull(ImageRecord r) {
        try {
            return store.config(r);
        } catch (ImageException e) {
            return null;
        }
    }

    private static String normalized(String ref) {
        try {
            return ImageReference.parse(ref).toString();
        } catch (ImageException e) {
            return ref;
        }
    }

    private static Platform platform(String text) {
        return text == null || text.isBlank() ? Platform.LINUX_AMD64 : Platform.parse(text);
    }

    /** Runs {@code action}, turning image-store errors into the agent's one error type. */
    static <T> T translated(Supplier<T> action) {
        try {
            return action.get();
        } catch (ImageException e) {
            throw new AgentException(kind(e.kind()), e.problem(), e.fix(), e);
        }
    }

    public static ErrorKind kind(ImageException.Kind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> ErrorKind.INVALID_ARGUMENT;
            case NOT_FOUND -> ErrorKind.NOT_FOUND;
            case ALREADY_EXISTS -> ErrorKind.ALREADY_EXISTS;
            case FAILED_PRECONDITION, UNAUTHENTICATED, PERMISSION_DENIED -> ErrorKind.FAILED_PRECONDITION;
            case RESOURCE_EXHAUSTED, UNAVAILABLE -> ErrorKind.UNAVAILABLE;
            case INTERNAL -> ErrorKind.INTERNAL;
        };
    }
}
