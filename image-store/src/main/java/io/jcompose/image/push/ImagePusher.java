package io.jcompose.image.push;

import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.ImageIndex;
import io.jcompose.image.manifest.ImageManifest;
import io.jcompose.image.manifest.ManifestDocument;
import io.jcompose.image.manifest.ManifestTranslator;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.Repository;

/**
 * Pushes a manifest or index from the content store to a registry, children first: layers and config
 * (skipped when the registry has them), each platform manifest by digest, then the top document under
 * the reference's tag (or digest).
 */
public final class ImagePusher {
    private static final long MAX_DOCUMENT_BYTES = 4L << 20;

    private final RegistryClient registry;
    private final ContentStore content;

    public ImagePusher(RegistryClient registry, ContentStore content) {
        this.registry = registry;
        this.content = content;
    }

    /** Pushes the document {@code digest} (media type {@code mediaType}) as {@code target}. */
    public void push(ImageReference target, Digest digest, String mediaType) {
        Repository repository = Repository.of(target);
        pushDocument(repository, digest, mediaType);
        byte[] bytes = content.read(digest, MAX_DOCUMENT_BYTES);
        registry.pushManifest(repository, target.manifestReference(), mediaType, bytes);
    }

    private void pushDocument(Repository repository, Digest digest, String mediaType) {
        byte[] bytes = content.read(digest, MAX_DOCUMENT_BYTES);
        ManifestDocument document = ManifestTranslator.parse(bytes, mediaType, "manifest " + digest);
        switch (document) {
            case ImageIndex index -> {
                for (Descriptor child : index.manifests()) {
                    pushDocument(repository, child.digest(), child.mediaType());
                    registry.pushManifest(repository, child.digest().toString(), child.mediaType(),
                            content.read(child.digest(), MAX_DOCUMENT_BYTES));
                }
            }
            case ImageManifest manifest -> {
                pushBlob(repository, manifest.config());
                for (Descriptor layer : manifest.layers()) pushBlob(repository, layer);
            }
        }
    }

    private void pushBlob(Repository repository, Descriptor blob) {
        registry.pushBlob(repository, blob.digest(), blob.size(), () -> content.open(blob.digest()));
    }
}
