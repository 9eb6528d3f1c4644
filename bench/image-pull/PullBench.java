import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.blob.BlobWriter;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.config.ConfigTranslator;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.event.PullEvent;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.ImageManifest;
import io.jcompose.image.manifest.ManifestTranslator;
import io.jcompose.image.manifest.MediaTypes;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.push.ImagePusher;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.FetchedManifest;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import io.jcompose.image.registry.RetryListener;
import io.jcompose.image.registry.Repository;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Driver for bench/image-pull.sh, run as a single source file against image-store's classes.
 *   make  REF WORKDIR MB_PER_LAYER COMPRESSION SEED...   one layer per seed (same seed = same layer)
 *   pull  REF ROOT [WARMUP_REF]                           full pull: download, verify, unpack; with a
 *                                                         warm-up ref, that image is pulled first in the same
 *                                                         JVM, as a running agent would have done
 *   fetch REF DIR                                         download and verify only (what skopeo copy does)
 * Results are printed as one JSON line.
 */
public class PullBench {
    public static void main(String[] args) throws Exception {
        RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE);
        switch (args[0]) {
            case "make" -> make(client, args);
            case "pull" -> pull(client, args);
            case "fetch" -> fetch(client, args);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void make(RegistryClient client, String[] args) throws Exception {
        ImageReference ref = ImageReference.parse(args[1]);
        Path work = Path.of(args[2]);
        long bytesPerLayer = Long.parseLong(args[3]) << 20;
        boolean gzip = args[4].equals("gzip");
        ContentStore store = new ContentStore(work.resolve("source"));
        List<Descriptor> layers = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            int seed = Integer.parseInt(args[i]);
            Path tar = work.resolve("layer-" + seed + ".tar");
            Path blob = work.resolve("layer-" + seed + (gzip ? ".tar.gz" : ".tar"));
            MessageDigest diff = MessageDigest.getInstance("SHA-256");
            MessageDigest compressed = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(blob), 1 << 16);
                 OutputStream hashed = new DigestOutputStream(file, compressed);
                 OutputStream packed = gzip ? new GZIPOutputStream(hashed, 1 << 16) {{ def.setLevel(Deflater.BEST_SPEED); }} : hashed;
                 OutputStream tarOut = new DigestOutputStream(packed, diff)) {
                TarWriter w = new TarWriter(tarOut);
                w.putEntry(TarEntry.directory("data/", 0755));
                w.putEntry(TarEntry.file("data/blob-" + seed, 0644, bytesPerLayer));
                SplittableRandom random = new SplittableRandom(seed);
                byte[] chunk = new byte[1 << 16];
                for (long left = bytesPerLayer; left > 0; left -= chunk.length) {
                    for (int j = 0; j < chunk.length; j += 8) {
                        long r = random.nextLong();
                        for (int k = 0; k < 8; k++) chunk[j + k] = (byte) (r >>> (8 * k));
                    }
                    w.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                w.finish();
            }
            Digest digest = Digest.sha256Hex(HexFormat.of().formatHex(compressed.digest()));
            long size = Files.size(blob);
            try (BlobWriter bw = store.writer(digest, size); InputStream in = Files.newInputStream(blob)) {
                if (!bw.alreadyPresent()) {
                    in.transferTo(bw);
                    bw.commit();
                }
            }
            Files.delete(blob);
            Files.deleteIfExists(tar);
            layers.add(Descriptor.of(gzip ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER, digest, size));
            diffIds.add(Digest.sha256Hex(HexFormat.of().formatHex(diff.digest())));
        }
        ImageConfig config = new ImageConfig(Platform.LINUX_AMD64, "", List.of(), List.of(), List.of("/bin/sh"), "/",
                Set.of(), Set.of(), null, "", Map.of(), diffIds, "2024-01-01T00:00:00Z");
        byte[] configBytes = ConfigTranslator.write(config);
        Digest configDigest = store.put(configBytes);
        byte[] manifest = ManifestTranslator.write(new ImageManifest(MediaTypes.OCI_MANIFEST,
                Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, configBytes.length), layers));
        Digest manifestDigest = store.put(manifest);
        new ImagePusher(client, store).push(ref, manifestDigest, MediaTypes.OCI_MANIFEST);
        long total = layers.stream().mapToLong(Descriptor::size).sum();
        System.out.println("{\"pushed\":\"" + ref + "\",\"layers\":" + layers.size() + ",\"bytes\":" + total + "}");
    }

    static void pull(RegistryClient client, String[] args) {
        ImageStore store = new ImageStore(Path.of(args[2]), client, ApplyOptions.defaults());
        AtomicInteger downloaded = new AtomicInteger();
        AtomicInteger present = new AtomicInteger();
        if (args.length > 3) store.pull(ImageReference.parse(args[3]), Platform.LINUX_AMD64, e -> { });
        long start = System.nanoTime();
        store.pull(ImageReference.parse(args[1]), Platform.LINUX_AMD64, e -> {
            if (e instanceof PullEvent.LayerDownloaded) downloaded.incrementAndGet();
            if (e instanceof PullEvent.LayerAlreadyPresent) present.incrementAndGet();
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("{\"pull_ms\":" + ms + ",\"layers_downloaded\":" + downloaded + ",\"layers_present\":" + present
                + ",\"peak_heap_mb\":" + peakHeapMb() + ",\"max_heap_mb\":" + Runtime.getRuntime().maxMemory() / (1 << 20) + "}");
    }

    static void fetch(RegistryClient client, String[] args) throws Exception {
        ImageReference ref = ImageReference.parse(args[1]);
        ContentStore store = new ContentStore(Path.of(args[2]));
        Repository repo = Repository.of(ref);
        long start = System.nanoTime();
        FetchedManifest m = client.manifest(ref);
        ImageManifest manifest = (ImageManifest) ManifestTranslator.parse(m.bytes(), m.contentType(), "bench");
        List<Descriptor> blobs = new ArrayList<>(manifest.layers());
        blobs.add(manifest.config());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (Descriptor d : blobs) {
                tasks.add(pool.submit(() -> {
                    try (BlobWriter w = store.writer(d.digest(), d.size())) {
                        client.blob(repo, d, w, n -> { }, ref.familiar(), RetryListener.NONE);
                        w.commit();
                    }
                    return null;
                }));
            }
            for (Future<?> t : tasks) t.get();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("{\"fetch_ms\":" + ms + ",\"peak_heap_mb\":" + peakHeapMb() + "}");
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak / (1 << 20);
    }
}
