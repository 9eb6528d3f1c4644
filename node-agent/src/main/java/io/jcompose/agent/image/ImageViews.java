package io.jcompose.agent.image;

import io.jcompose.agent.api.v1.ContainerSpecBody.HealthcheckBody;
import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.ImageView.ImageConfigView;
import io.jcompose.agent.api.v1.PruneView;
import io.jcompose.agent.api.v1.PullProgressView;
import io.jcompose.image.ImageStore;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.Healthcheck;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.event.PullEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Image-store values → v1 wire records. */
public final class ImageViews {
    private ImageViews() {
    }

    /** @param withConfig fill {@code config} (inspect); lists leave it out */
    public static ImageView image(ImageRecord r, ImageConfig config, boolean withConfig) {
        return new ImageView(r.id().toString(), r.tags(), r.repoDigests(), r.size(),
                r.created() != null ? r.created() : config == null ? null : config.created(),
                config == null ? Map.of() : config.labels(), r.platform() == null ? null : r.platform().toString(),
                withConfig && config != null ? config(config) : null);
    }

    static ImageConfigView config(ImageConfig c) {
        return new ImageConfigView(c.entrypoint(), c.cmd(), c.env(), c.workingDir(), c.user(),
                List.copyOf(c.exposedPorts()), List.copyOf(c.volumes()), healthcheck(c.healthcheck()), c.stopSignal(),
                c.labels());
    }

    static HealthcheckBody healthcheck(Healthcheck h) {
        if (h == null) {
            return null;
        }
        return new HealthcheckBody(h.test(), millis(h.interval()), millis(h.timeout()), millis(h.startPeriod()),
                millis(h.startInterval()), h.retries() == 0 ? null : h.retries(), h.disabled() ? Boolean.TRUE : null);
    }

    static PruneView prune(ImageStore.PruneResult r) {
        return new PruneView(r.images().stream().map(Digest::toString).toList(), r.blobs(), r.layers());
    }

    /** A pull event as a stream line; null for events a client has no use for. */
    static PullProgressView progress(PullEvent e) {
        return switch (e) {
            case PullEvent.Resolving r -> line(null, "resolving", null, null, null);
            case PullEvent.Resolved r -> line(null, "resolved", null, r.totalBytes(), r.layers() + " layers for " + r.platform());
            case PullEvent.LayerAlreadyPresent l -> line(l.layer(), "exists", l.size(), l.size(), null);
            case PullEvent.LayerProgress l -> line(l.layer(), "downloading", l.bytes(), l.total(), null);
            case PullEvent.LayerDownloaded l -> line(l.layer(), "downloaded", l.size(), l.size(), null);
            case PullEvent.LayerExtracted l -> line(l.layer(), "extracted", null, null, null);
            case PullEvent.Retrying r -> line(null, "retrying", null, null,
                    r.what() + " (attempt " + r.attempt() + "): " + r.reason());
            case PullEvent.Pulled p -> line(null, "pulled", null, null, p.manifest().toString());
        };
    }

    private static PullProgressView line(Digest layer, String status, Long current, Long total, String message) {
        return new PullProgressView(layer == null ? null : layer.toString(), status, current, total, message, null, null);
    }

    private static Long millis(Duration d) {
        return d == null || d.isZero() ? null : d.toMillis();
    }
}
