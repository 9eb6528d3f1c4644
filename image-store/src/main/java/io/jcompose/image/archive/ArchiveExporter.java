package io.jcompose.image.archive;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.ImageIndex;
import io.jcompose.image.manifest.ImageManifest;
import io.jcompose.image.manifest.ManifestTranslator;
import io.jcompose.image.manifest.MediaTypes;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarWriter;
import io.jcompose.image.wire.DockerArchiveJson;
import io.jcompose.image.wire.Json;
import io.jcompose.image.wire.OciLayoutJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves images as one tar that is both an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/…}) and a {@code docker save} archive ({@code manifest.json} naming the same
 * blobs), the format Docker 25 writes: {@code docker load}, skopeo and containerd all read it. Blobs
 * are written as stored (layers stay compressed) and each once.
 */
public final class ArchiveExporter {
    private static final long MAX_DOCUMENT_BYTES = 8L << 20;

    private final ContentStore content;

    public ArchiveExporter(ContentStore content) {
        this.content = content;
    }

    public void save(List<ImageRecord> images, OutputStream out) {
        try {
            TarWriter tar = new TarWriter(out);
            tar.put(TarEntry.directory("blobs/", 0755), new byte[0]);
            tar.put(TarEntry.directory("blobs/sha256/", 0755), new byte[0]);
            Set<Digest> written = new LinkedHashSet<>();
            List<Descriptor> indexEntries = new ArrayList<>();
            List<DockerArchiveJson> dockerEntries = new ArrayList<>();
            for (ImageRecord image : images) {
                byte[] manifestBytes = content.read(image.manifest(), MAX_DOCUMENT_BYTES);
                ImageManifest manifest = (ImageManifest) ManifestTranslator.parse(manifestBytes, null,
                        "manifest of " + image.id().shortHex());
                blob(tar, image.manifest(), written);
                blob(tar, manifest.config().digest(), written);
                List<String> layerFiles = new ArrayList<>();
                for (Descriptor layer : manifest.layers()) {
                    blob(tar, layer.digest(), written);
                    layerFiles.add("blobs/sha256/" + layer.digest().encoded());
                }
                List<String> familiar = new ArrayList<>();
                for (String tag : image.tags()) {
                    ImageReference ref = ImageReference.parse(tag);
                    familiar.add(ref.familiar());
                    indexEntries.add(new Descriptor(manifest.mediaType(), image.manifest(), manifestBytes.length, null,
                            List.of(), Map.of("io.containerd.image.name", ref.toString(),
                            "org.opencontainers.image.ref.name", ref.tag())));
                }
                if (image.tags().isEmpty()) {
                    indexEntries.add(Descriptor.of(manifest.mediaType(), image.manifest(), manifestBytes.length));
                }
                dockerEntries.add(new DockerArchiveJson("blobs/sha256/" + manifest.config().digest().encoded(), familiar,
                        layerFiles));
            }
            tar.put(file("oci-layout", Json.write(new OciLayoutJson("1.0.0"))), Json.write(new OciLayoutJson("1.0.0")));
            byte[] index = ManifestTranslator.write(new ImageIndex(MediaTypes.OCI_INDEX, indexEntries));
            tar.put(file("index.json", index), index);
            byte[] docker = Json.write(dockerEntries);
            tar.put(file("manifest.json", docker), docker);
            tar.finish();
            out.flush();
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot write the archive: " + e.getMessage(),
                    "check the destination's free space", e);
        }
    }

    private void blob(TarWriter tar, Digest digest, Set<Digest> written) throws IOException {
        if (!written.add(digest)) return;
        long size = content.size(digest);
        if (size < 0) {
            throw new ImageException(Kind.FAILED_PRECONDITION, "blob " + digest + " is not in the store",
                    "pull the image again before saving it");
        }
        tar.putEntry(TarEntry.file("blobs/sha256/" + digest.encoded(), 0444, size));
        try (InputStream in = content.open(digest)) {
            tar.write(in);
        }
    }

    private static TarEntry file(String name, byte[] bytes) {
        return TarEntry.file(name, 0644, bytes.length);
    }
}
