package io.jcompose.image.archive;

import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.ImageException;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.catalog.ImageCatalog;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ConfigTranslator;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.layer.ChainId;
import io.jcompose.image.layer.LayerCompression;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.ImageIndex;
import io.jcompose.image.manifest.ImageManifest;
import io.jcompose.image.manifest.ManifestDocument;
import io.jcompose.image.manifest.ManifestTranslator;
import io.jcompose.image.manifest.MediaTypes;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarEntryType;
import io.jcompose.image.tar.TarReader;
import io.jcompose.image.wire.DockerArchiveJson;
import io.jcompose.image.wire.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads images from a {@code docker save} archive or an OCI image layout (a directory, or a tar of one,
 * optionally compressed). Every file is hashed into the content store as it streams by, so archives of
 * any size pass without a temporary copy; OCI blob files must hash to the digest their name claims.
 * {@code manifest.json} (docker save, which Docker 25 writes next to an OCI layout) is preferred for
 * its tags; otherwise {@code index.json} and its name annotations are used.
 */
public final class ArchiveImporter {
    private static final long MAX_DOCUMENT_BYTES = 8L << 20;
    private static final long MAX_FILE_BYTES = 64L << 30;
    private static final String CONTAINERD_NAME = "io.containerd.image.name";
    private static final String OCI_REF_NAME = "org.opencontainers.image.ref.name";

    private final ContentStore content;
    private final LayerStore layers;
    private final ImageCatalog catalog;

    public ArchiveImporter(ContentStore content, LayerStore layers, ImageCatalog catalog) {
        this.content = content;
        this.layers = layers;
        this.catalog = catalog;
    }

    /** Loads every image of a tar stream ({@code docker save} output or a tarred OCI layout). */
    public List<ImageRecord> load(InputStream archive, Platform platform) {
        Map<String, Digest> files = new HashMap<>();
        try (TarReader tar = new TarReader(LayerCompression.decompress(new BufferedInputStream(archive, 1 << 16)))) {
            for (TarEntry e; (e = tar.next()) != null; ) {
                if (e.type() == TarEntryType.FILE) files.put(normalize(e.name()), content.ingest(tar.content(), MAX_FILE_BYTES));
            }
        } catch (IOException e) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "cannot read the archive: " + e.getMessage(),
                    "give a file written by 'docker save' or an OCI image layout as tar", e);
        }
        return interpret(files, platform);
    }

    /** Loads every image of an OCI image layout directory. */
    public List<ImageRecord> loadDirectory(Path layout, Platform platform) {
        Map<String, Digest> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(layout)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    files.put(layout.relativize(p).toString(), content.ingest(in, MAX_FILE_BYTES));
                }
            }
        } catch (IOException e) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "cannot read the image layout " + layout + ": " + e.getMessage(),
                    "give a directory holding oci-layout, index.json and blobs/", e);
        }
        return interpret(files, platform);
    }

    private List<ImageRecord> interpret(Map<String, Digest> files, Platform platform) {
        for (Map.Entry<String, Digest> f : files.entrySet()) {
            String name = f.getKey();
            if (name.startsWith("blobs/") && name.split("/").length == 3) {
                String claimed = name.split("/")[1] + ":" + name.split("/")[2];
                if (Digest.isDigest(claimed) && !Digest.parse(claimed).equals(f.getValue())) {
                    throw new ImageException(Kind.INVALID_ARGUMENT, "archive file " + name + " does not match its digest"
                            + " (content hashes to " + f.getValue() + ")", "the archive is damaged or tampered with");
                }
            }
        }
        List<ImageRecord> loaded;
        if (files.containsKey("manifest.json")) loaded = loadDockerArchive(files);
        else if (files.containsKey("index.json")) loaded = loadLayout(files, platform);
        else throw new ImageException(Kind.INVALID_ARGUMENT, "the archive has neither manifest.json nor index.json",
                "give a file written by 'docker save' or an OCI image layout");
        // one image may come under several names: report each once, with all of them
        return loaded.stream().map(ImageRecord::id).distinct().map(id -> catalog.byId(id).orElseThrow()).toList();
    }

    private List<ImageRecord> loadDockerArchive(Map<String, Digest> files) {
        DockerArchiveJson[] entries = Json.read(content.read(files.get("manifest.json"), MAX_DOCUMENT_BYTES),
                DockerArchiveJson[].class, "manifest.json of the archive");
        List<ImageRecord> loaded = new ArrayList<>();
        for (DockerArchiveJson entry : entries) {
            Digest config = file(files, entry.config());
            ImageConfig imageConfig = ConfigTranslator.parse(content.read(config, MAX_DOCUMENT_BYTES), "config " + entry.config());
            List<String> layerFiles = entry.layers() == null ? List.of() : entry.layers();
            List<Descriptor> layerBlobs = new ArrayList<>();
            for (String layerFile : layerFiles) {
                Digest digest = file(files, layerFile);
                layerBlobs.add(Descriptor.of(mediaType(digest), digest, content.size(digest)));
            }
            ImageManifest manifest = new ImageManifest(MediaTypes.OCI_MANIFEST,
                    Descriptor.of(MediaTypes.OCI_CONFIG, config, content.size(config)), layerBlobs);
            Digest manifestDigest = content.put(ManifestTranslator.write(manifest));
            List<String> tags = new ArrayList<>();
            for (String tag : entry.repoTags() == null ? List.<String>of() : entry.repoTags()) {
                tags.add(ImageReference.parse(tag).toString());
            }
            loaded.add(assemble(manifest, manifestDigest, imageConfig, tags, List.of(manifestDigest), "archive image " + entry.config()));
        }
        return loaded;
    }

    private List<ImageRecord> loadLayout(Map<String, Digest> files, Platform platform) {
        byte[] indexBytes = content.read(files.get("index.json"), MAX_DOCUMENT_BYTES);
        ImageIndex index = (ImageIndex) ManifestTranslator.parse(indexBytes, MediaTypes.OCI_INDEX, "index.json");
        List<ImageRecord> loaded = new ArrayList<>();
        for (Descriptor entry : index.manifests()) {
            List<Digest> documents = new ArrayList<>(List.of(entry.digest()));
            ManifestDocument document = ManifestTranslator.parse(content.read(entry.digest(), MAX_DOCUMENT_BYTES),
                    entry.mediaType(), "manifest " + entry.digest());
            Digest manifestDigest = entry.digest();
            for (int depth = 0; document instanceof ImageIndex nested; depth++) {
                if (depth > 2) throw new ImageException(Kind.INVALID_ARGUMENT, "index.json nests indexes too deeply", null);
                Descriptor chosen = nested.select(platform, "archive entry " + entry.digest());
                documents.add(chosen.digest());
                document = ManifestTranslator.parse(content.read(chosen.digest(), MAX_DOCUMENT_BYTES), chosen.mediaType(),
                        "manifest " + chosen.digest());
                manifestDigest = chosen.digest();
            }
            ImageManifest manifest = (ImageManifest) document;
            ImageConfig config = ConfigTranslator.parse(content.read(manifest.config().digest(), MAX_DOCUMENT_BYTES),
                    "config " + manifest.config().digest());
            List<String> tags = name(entry).map(r -> List.of(r.toString())).orElse(List.of());
            loaded.add(assemble(manifest, manifestDigest, config, tags, documents, "archive image " + entry.digest()));
        }
        return loaded;
    }

    /** Unpacks the layers and records the image. */
    private ImageRecord assemble(ImageManifest manifest, Digest manifestDigest, ImageConfig config, List<String> tags,
                                 List<Digest> documents, String what) {
        if (config.diffIds().size() != manifest.layers().size()) {
            throw new ImageException(Kind.INVALID_ARGUMENT, what + " lists " + manifest.layers().size()
                    + " layers but its config " + config.diffIds().size(), "the archive is damaged");
        }
        List<Digest> chainIds = ChainId.of(config.diffIds());
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            if (!content.contains(layer.digest())) {
                throw new ImageException(Kind.INVALID_ARGUMENT, what + ": layer " + layer.digest() + " is not in the archive",
                        "the archive is incomplete; save the image again");
            }
            try {
                layers.unpack(chainIds.get(i), config.diffIds().get(i), () -> content.open(layer.digest()));
            } catch (ImageException e) {
                throw e.within(what + ", layer " + layer.digest());
            }
        }
        List<Digest> blobs = new ArrayList<>(documents);
        if (!blobs.contains(manifestDigest)) blobs.add(manifestDigest);
        blobs.add(manifest.config().digest());
        manifest.layers().forEach(l -> blobs.add(l.digest()));
        long size = manifest.layers().stream().mapToLong(Descriptor::size).sum();
        return catalog.add(new ImageRecord(manifest.config().digest(), tags, List.of(), manifestDigest, config.platform(),
                blobs, chainIds, size, config.created()));
    }

    private static Optional<ImageReference> name(Descriptor entry) {
        String full = entry.annotations().get(CONTAINERD_NAME);
        String ref = entry.annotations().get(OCI_REF_NAME);
        String candidate = full != null ? full : ref != null && (ref.contains(":") || ref.contains("/")) ? ref : null;
        if (candidate == null) return Optional.empty();
        try {
            return Optional.of(ImageReference.parse(candidate));
        } catch (ImageException e) {
            return Optional.empty();
        }
    }

    private String mediaType(Digest digest) {
        try (BufferedInputStream in = new BufferedInputStream(content.open(digest))) {
            return switch (LayerCompression.detect(in)) {
                case GZIP -> MediaTypes.OCI_LAYER_GZIP;
                case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
                case NONE -> MediaTypes.OCI_LAYER;
            };
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot read blob " + digest + ": " + e.getMessage(), null, e);
        }
    }

    private static Digest file(Map<String, Digest> files, String name) {
        Digest d = name == null ? null : files.get(normalize(name));
        if (d == null) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "the archive's manifest.json names " + name
                    + ", which the archive does not contain", "the archive is incomplete; save the image again");
        }
        return d;
    }

    private static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) n = n.substring(2);
        while (n.startsWith("/")) n = n.substring(1);
        return n;
    }
}
