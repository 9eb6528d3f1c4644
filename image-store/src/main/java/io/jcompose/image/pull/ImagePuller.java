package io.jcompose.image.pull;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.blob.BlobWriter;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.catalog.ImageCatalog;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ConfigTranslator;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.event.PullEvent;
import io.jcompose.image.event.PullListener;
import io.jcompose.image.layer.ChainId;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.ImageIndex;
import io.jcompose.image.manifest.ImageManifest;
import io.jcompose.image.manifest.ManifestDocument;
import io.jcompose.image.manifest.ManifestTranslator;
import io.jcompose.image.manifest.MediaTypes;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.FetchedManifest;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Pulls an image: resolves the reference to the platform's manifest (through an index if there is
 * one), fetches the config, then fetches and unpacks the layers it does not have yet, several at once.
 * Each layer is unpacked from its download stream as the bytes arrive ({@link LayerPipe}), so a pull
 * takes about as long as the slower of downloading and unpacking. The image is recorded in the catalog
 * only when everything succeeded.
 */
public final class ImagePuller {
    private static final long MAX_CONFIG_BYTES = 8L << 20;
    private static final long PROGRESS_STEP = 512 * 1024;

    private final RegistryClient registry;
    private final ContentStore content;
    private final LayerStore layers;
    private final ImageCatalog catalog;
    private final int unpackers;

    public ImagePuller(RegistryClient registry, ContentStore content, LayerStore layers, ImageCatalog catalog) {
        this.registry = registry;
        this.content = content;
        this.layers = layers;
        this.catalog = catalog;
        this.unpackers = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public ImageRecord pull(ImageReference ref, Platform platform, PullListener listener) {
        String image = ref.familiar();
        Repository repository = Repository.of(ref);
        listener.on(new PullEvent.Resolving(ref));
        FetchedManifest top = registry.manifest(ref);
        content.put(top.digest(), top.bytes());
        List<Digest> blobs = new ArrayList<>(List.of(top.digest()));
        ManifestDocument document = ManifestTranslator.parse(top.bytes(), top.contentType(), "manifest of " + image);
        Digest manifestDigest = top.digest();
        for (int depth = 0; document instanceof ImageIndex index; depth++) {
            if (depth > 2) throw invalid("manifest of " + image + " nests indexes too deeply");
            Descriptor chosen = index.select(platform, image);
            FetchedManifest child = registry.manifest(repository, chosen.digest().toString(), image);
            content.put(child.digest(), child.bytes());
            blobs.add(child.digest());
            document = ManifestTranslator.parse(child.bytes(), chosen.mediaType(), "manifest of " + image);
            manifestDigest = child.digest();
        }
        ImageManifest manifest = (ImageManifest) document;
        if (!manifest.config().mediaType().equals(MediaTypes.OCI_CONFIG)
                && !manifest.config().mediaType().equals(MediaTypes.DOCKER_CONFIG)) {
            throw invalid(image + " is an artifact of type " + manifest.config().mediaType() + ", not a container image");
        }
        fetch(repository, manifest.config(), image, ref, PullListener.NONE);
        blobs.add(manifest.config().digest());
        ImageConfig config = ConfigTranslator.parse(content.read(manifest.config().digest(), MAX_CONFIG_BYTES),
                "config of " + image);
        if (!platform.accepts(config.platform())) {
            throw new ImageException(Kind.NOT_FOUND, "image " + image + " is built for " + config.platform()
                    + ", not for " + platform, "set platform: " + config.platform() + " if that is what you want,"
                    + " or use an image built for " + platform);
        }
        if (config.diffIds().size() != manifest.layers().size()) {
            throw invalid("image " + image + " lists " + manifest.layers().size() + " layers but its config "
                    + config.diffIds().size() + " diff IDs");
        }
        List<Digest> chainIds = ChainId.of(config.diffIds());
        long total = manifest.layers().stream().mapToLong(Descriptor::size).sum();
        listener.on(new PullEvent.Resolved(ref, manifestDigest, config.platform(), manifest.layers().size(), total));
        for (Descriptor layer : manifest.layers()) {
            if (!MediaTypes.isLayer(layer.mediaType())) {
                throw invalid("image " + image + " has a layer of unknown type " + layer.mediaType());
            }
            blobs.add(layer.digest());
        }
        fetchLayers(ref, repository, manifest.layers(), config.diffIds(), chainIds, listener);
        ImageRecord record = new ImageRecord(manifest.config().digest(),
                ref.tag() != null ? List.of(ref.withoutDigest().toString()) : List.of(),
                List.of(ref.repository() + "@" + top.digest()), manifestDigest, config.platform(), blobs, chainIds,
                total, config.created());
        ImageRecord stored = catalog.add(record);
        listener.on(new PullEvent.Pulled(ref, stored.id(), top.digest()));
        return stored;
    }

    private void fetchLayers(ImageReference ref, Repository repository, List<Descriptor> blobs, List<Digest> diffIds,
                             List<Digest> chainIds, PullListener listener) {
        Semaphore downloads = new Semaphore(registry.options().concurrentDownloads());
        Semaphore unpacks = new Semaphore(unpackers);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < blobs.size(); i++) {
                Descriptor blob = blobs.get(i);
                Digest diffId = diffIds.get(i);
                Digest chainId = chainIds.get(i);
                tasks.add(pool.submit(() -> {
                    try {
                        if (layers.contains(chainId)) {
                            listener.on(new PullEvent.LayerAlreadyPresent(ref, blob.digest(), blob.size()));
                            return null;
                        }
                        if (!content.contains(blob.digest()) && streamed(pool, repository, blob, diffId, chainId, ref,
                                listener, downloads)) {
                            listener.on(new PullEvent.LayerExtracted(ref, blob.digest(), chainId));
                            return null;
                        }
                        unpacks.acquire();
                        try {
                            layers.unpack(chainId, diffId, () -> content.open(blob.digest()));
                        } finally {
                            unpacks.release();
                        }
                        listener.on(new PullEvent.LayerExtracted(ref, blob.digest(), chainId));
                        return null;
                    } catch (ImageException e) {
                        throw e.within("pull " + ref.familiar() + ", layer " + blob.digest());
                    }
                }));
            }
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new ImageException(Kind.INTERNAL, "pull " + ref.familiar() + " failed: " + e.getCause(), null,
                            e.getCause());
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                    throw new ImageException(Kind.UNAVAILABLE, "pull " + ref.familiar() + " was interrupted", null, e);
                }
            }
        }
    }

    /**
     * Downloads a layer while unpacking it from the same bytes. Returns false when the unpacking could
     * not follow the download (it restarted, or another pull stored the blob first): the blob is then
     * stored and the caller unpacks it from the store.
     */
    private boolean streamed(ExecutorService pool, Repository repository, Descriptor blob, Digest diffId, Digest chainId,
                             ImageReference ref, PullListener listener, Semaphore downloads) throws InterruptedException {
        downloads.acquire();
        LayerPipe pipe = new LayerPipe();
        Future<Boolean> unpacking = pool.submit(() -> {
            try {
                layers.unpack(chainId, diffId, pipe::input);
                return true;
            } catch (ImageException e) {
                for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof LayerPipe.BrokenException) return false;
                throw e;
            } finally {
                pipe.abandon();
            }
        });
        boolean downloaded = false;
        try {
            downloaded = fetch(repository, blob, ref.familiar(), ref, listener, pipe);
        } finally {
            downloads.release();
            pipe.finish(downloaded);
        }
        try {
            return unpacking.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new ImageException(Kind.INTERNAL, "unpacking " + blob.digest() + " failed: " + e.getCause(), null,
                    e.getCause());
        }
    }

    private void fetch(Repository repository, Descriptor blob, String image, ImageReference ref, PullListener listener) {
        fetch(repository, blob, image, ref, listener, null);
    }

    /** Downloads a blob into the content store unless it is there; true when this call wrote it. */
    private boolean fetch(Repository repository, Descriptor blob, String image, ImageReference ref,
                          PullListener listener, LayerPipe pipe) {
        if (content.contains(blob.digest())) return false;
        try (BlobWriter writer = content.writer(blob.digest(), blob.size())) {
            if (writer.alreadyPresent()) return false;
            if (pipe != null) writer.observe(pipe);
            long[] next = {PROGRESS_STEP};
            registry.blob(repository, blob, writer, bytes -> {
                if (bytes >= next[0] || bytes == blob.size()) {
                    next[0] = bytes + PROGRESS_STEP;
                    listener.on(new PullEvent.LayerProgress(ref, blob.digest(), bytes, blob.size()));
                }
            }, image, (attempt, delay, reason) -> listener.on(new PullEvent.Retrying(ref, "blob " + blob.digest(),
                    attempt, delay, reason)));
            writer.commit();
        }
        listener.on(new PullEvent.LayerDownloaded(ref, blob.digest(), blob.size()));
        return true;
    }

    private static ImageException invalid(String problem) {
        return new ImageException(Kind.INVALID_ARGUMENT, problem, "the image is malformed; rebuild or re-push it");
    }
}
