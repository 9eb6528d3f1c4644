package io.jcompose.image;

import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.archive.ArchiveExporter;
import io.jcompose.image.archive.ArchiveImporter;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.catalog.ImageCatalog;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ConfigTranslator;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.event.PullListener;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.layer.LayerApplier;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.manifest.ImageManifest;
import io.jcompose.image.manifest.ManifestTranslator;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.pull.ImagePuller;
import io.jcompose.image.push.ImagePusher;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.snapshot.Mount;
import io.jcompose.image.snapshot.Snapshotter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The image store of one host, under a root directory the agent owns ({@code /var/lib/jcompose/images}):
 * <pre>
 * blobs/sha256/&lt;hex&gt;      manifests, configs, compressed layers (content store)
 * ingest/                 blobs being written
 * layers/&lt;chain&gt;/diff     unpacked layers, shared between images
 * l/&lt;short&gt;              short links to them, for mount options
 * snapshots/&lt;key&gt;/       containers' upper and work directories
 * snapshot-trash/         removed snapshots, until a thread of their own has deleted them
 * images.json             images and their names
 * </pre>
 * Pulls run concurrently; removal and pruning wait for them (a read/write lock). A failed pull leaves
 * no partial content: ingest files and unpack directories are removed at once, and blobs and layers
 * no image references are collected as soon as no pull is running.
 */
public final class ImageStore {
    private static final long MAX_DOCUMENT_BYTES = 8L << 20;

    private final ContentStore content;
    private final LayerStore layers;
    private final Snapshotter snapshots;
    private final ImageCatalog catalog;
    private final ImagePuller puller;
    private final ImagePusher pusher;
    private final ArchiveImporter importer;
    private final ArchiveExporter exporter;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Path root;
    private volatile boolean garbage;

    public ImageStore(Path root, RegistryClient registry, ApplyOptions options) {
        this.root = root;
        this.content = new ContentStore(root);
        this.layers = new LayerStore(root, new LayerApplier(options));
        this.snapshots = new Snapshotter(root, layers, options.privileged());
        this.catalog = new ImageCatalog(root.resolve("images.json"));
        this.puller = new ImagePuller(registry, content, layers, catalog);
        this.pusher = new ImagePusher(registry, content);
        this.importer = new ArchiveImporter(content, layers, catalog);
        this.exporter = new ArchiveExporter(content);
        content.removeAbandonedIngests();
        layers.removeAbandoned();
    }

    /** Pulls {@code ref} for {@code platform}; events go to {@code listener}. */
    public ImageRecord pull(ImageReference ref, Platform platform, PullListener listener) {
        boolean failed = false;
        lock.readLock().lock();
        try {
            return puller.pull(ref, platform, listener);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            lock.readLock().unlock();
            if (failed) garbage = true;
            collectIfIdle();
        }
    }

    /** {@code docker load}: every image of a {@code docker save} archive or tarred OCI layout (gzip/zstd allowed). */
    public List<ImageRecord> load(InputStream archive, Platform platform) {
        return loading(() -> importer.load(archive, platform));
    }

    /** Every image of an OCI image layout directory. */
    public List<ImageRecord> loadDirectory(Path layout, Platform platform) {
        return loading(() -> importer.loadDirectory(layout, platform));
    }

    private List<ImageRecord> loading(Supplier<List<ImageRecord>> load) {
        lock.readLock().lock();
        try {
            return load.get();
        } finally {
            lock.readLock().unlock();
            // files of the archive that no image uses (docker's legacy json files, a failed load) go
            garbage = true;
            collectIfIdle();
        }
    }

    /** {@code docker save}: the images named, as one tar readable by docker load, skopeo and containerd. */
    public void save(List<String> namesOrIds, OutputStream out) {
        List<ImageRecord> images = new ArrayList<>();
        for (String name : namesOrIds) {
            images.add(catalog.find(name).orElseThrow(() -> new ImageException(Kind.NOT_FOUND, "no such image: " + name,
                    "list images with 'jcompose image ls'")));
        }
        lock.readLock().lock();
        try {
            exporter.save(images, out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Pushes a manifest or index held in the content store to {@code target}. */
    public void push(ImageReference target, Digest document, String mediaType) {
        lock.readLock().lock();
        try {
            pusher.push(target, document, mediaType);
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<ImageRecord> list() {
        return catalog.list();
    }

    /** By reference, id or unique id prefix. */
    public Optional<ImageRecord> find(String nameOrId) {
        return catalog.find(nameOrId);
    }

    public ImageConfig config(ImageRecord image) {
        return ConfigTranslator.parse(content.read(image.id(), MAX_DOCUMENT_BYTES), "config of " + image.id().shortHex());
    }

    public ImageManifest manifest(ImageRecord image) {
        return (ImageManifest) ManifestTranslator.parse(content.read(image.manifest(), MAX_DOCUMENT_BYTES), null,
                "manifest of " + image.id().shortHex());
    }

    /** Creates the writable layer of container {@code key} on {@code image} and describes its mount. */
    public Mount prepareSnapshot(String key, ImageRecord image) {
        lock.readLock().lock();
        try {
            return snapshots.prepare(key, image.chainIds());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The keys of every writable layer: containers' ids and build steps' {@code build-…} keys. */
    public List<String> snapshotKeys() {
        return snapshots.keys();
    }

    public Mount snapshotMount(String key) {
        return snapshots.mount(key);
    }

    /** Removes a container's writable layer; the agent unmounts it first. */
    public void removeSnapshot(String key) {
        if (lock.getReadHoldCount() > 0) {
            // a build step's snapshot, inside building(): the read lock already keeps collection out,
            // and a read lock cannot be upgraded
            snapshots.remove(key);
            return;
        }
        lock.writeLock().lock();
        try {
            snapshots.remove(key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * {@code docker rmi}: a name that is one of several tags is only untagged; otherwise the image goes,
     * unless {@code inUse} says a container needs it.
     *
     * @return the ids of the images deleted (empty when only a tag was removed)
     */
    public List<Digest> remove(String nameOrId, Predicate<ImageRecord> inUse) {
        return remove(nameOrId, false, inUse);
    }

    /**
     * As {@link #remove(String, Predicate)}; {@code force} also removes an image named by id that
     * several tags point at (Docker refuses that without {@code -f}). An image in use is never removed.
     */
    public List<Digest> remove(String nameOrId, boolean force, Predicate<ImageRecord> inUse) {
        lock.writeLock().lock();
        try {
            ImageRecord image = catalog.find(nameOrId).orElseThrow(() -> new ImageException(Kind.NOT_FOUND,
                    "no such image: " + nameOrId, "list images with 'jcompose image ls'"));
            String tag = tagNamed(nameOrId, image);
            if (tag != null && image.tags().size() > 1) {
                catalog.untag(image.id(), tag);
                return List.of();
            }
            if (tag == null && image.tags().size() > 1 && !force) {
                throw new ImageException(Kind.FAILED_PRECONDITION, "image " + image.id().shortHex()
                        + " is referenced by " + image.tags().size() + " tags",
                        "remove it by name, one tag at a time, or force the removal");
            }
            if (inUse.test(image)) {
                throw new ImageException(Kind.FAILED_PRECONDITION, "image " + nameOrId + " (" + image.id().shortHex()
                        + ") is used by a container", "remove the containers using it first");
            }
            catalog.remove(image.id());
            collect();
            return List.of(image.id());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** What a prune removed. */
    public record PruneResult(List<Digest> images, int blobs, int layers) {
    }

    /**
     * Removes images no container uses — only dangling ones unless {@code all} — then blobs and layers
     * nothing references.
     */
    public PruneResult prune(boolean all, Predicate<ImageRecord> inUse) {
        lock.writeLock().lock();
        try {
            List<Digest> removed = new ArrayList<>();
            for (ImageRecord image : catalog.list()) {
                if ((all || image.dangling()) && !inUse.test(image)) {
                    catalog.remove(image.id());
                    removed.add(image.id());
                }
            }
            int[] counts = collect();
            return new PruneResult(removed, counts[0], counts[1]);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Work that must not block on, nor be undone by, a removal or prune; see {@link #building}. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws InterruptedException;
    }

    /**
     * Runs an image build: the blobs, layers and snapshots it makes before its image is recorded are
     * referenced by nothing yet, so removals and prunes (which collect such content) wait until it ends.
     */
    public <T> T building(Work<T> work) throws InterruptedException {
        lock.readLock().lock();
        try {
            return work.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Records an image a build wrote (its blobs and layers are in the store); its tags move to it. */
    public ImageRecord record(ImageRecord image) {
        return catalog.add(image);
    }

    /** Creates the writable layer {@code key} over the layers {@code chainIds} (bottom first). */
    public Mount prepareSnapshot(String key, List<Digest> chainIds) {
        lock.readLock().lock();
        try {
            return snapshots.prepare(key, chainIds);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The writable layer of snapshot {@code key}: what a build step changed. */
    public Path snapshotUpper(String key) {
        return snapshots.upper(key);
    }

    /** The store's root directory; build work directories must lie on its file system. */
    public Path root() {
        return root;
    }

    public ContentStore content() {
        return content;
    }

    public LayerStore layers() {
        return layers;
    }

    private static String tagNamed(String nameOrId, ImageRecord image) {
        try {
            ImageReference ref = ImageReference.parse(nameOrId);
            return ref.digest() == null && image.tags().contains(ref.toString()) ? ref.toString() : null;
        } catch (ImageException e) {
            return null;
        }
    }

    /** After a failed pull: collect once no pull holds the lock; a later pull's end retries otherwise. */
    private void collectIfIdle() {
        if (!garbage || !lock.writeLock().tryLock()) return;
        try {
            garbage = false;
            collect();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes blobs and layers no image or snapshot references; caller holds the write lock. */
    private int[] collect() {
        Set<Digest> blobs = new HashSet<>();
        Set<Digest> chains = new HashSet<>(snapshots.layersInUse());
        for (ImageRecord image : catalog.list()) {
            blobs.addAll(image.blobs());
            chains.addAll(image.chainIds());
        }
        int blobCount = 0;
        for (Digest d : content.list()) {
            if (!blobs.contains(d)) {
                content.delete(d);
                blobCount++;
            }
        }
        int layerCount = 0;
        for (Digest chain : layers.list()) {
            if (!chains.contains(chain)) {
                layers.remove(chain);
                layerCount++;
            }
        }
        return new int[] {blobCount, layerCount};
    }
}
