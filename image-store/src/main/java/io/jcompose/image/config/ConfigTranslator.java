package io.jcompose.image.config;

import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.wire.ImageConfigJson.ContainerConfigJson;
import io.jcompose.image.wire.ImageConfigJson.HealthcheckJson;
import io.jcompose.image.wire.ImageConfigJson;
import io.jcompose.image.wire.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Between the image configuration JSON and {@link ImageConfig}. */
public final class ConfigTranslator {
    private ConfigTranslator() {
    }

    public static ImageConfig parse(byte[] bytes, String what) {
        ImageConfigJson json = Json.read(bytes, ImageConfigJson.class, what);
        if (json.rootfs() == null || json.rootfs().diffIds() == null) {
            throw new ImageException(Kind.INVALID_ARGUMENT, what + " has no rootfs.diff_ids",
                    "the image configuration is damaged; rebuild or re-push the image");
        }
        List<Digest> diffIds = new ArrayList<>();
        for (String id : json.rootfs().diffIds()) diffIds.add(Digest.parse(id));
        ContainerConfigJson c = json.config() != null ? json.config()
                : new ContainerConfigJson(null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new ImageConfig(new Platform(json.os(), json.architecture(), json.variant()), orEmpty(c.user()),
                orEmpty(c.env()), orEmpty(c.entrypoint()), orEmpty(c.cmd()), orEmpty(c.workingDir()),
                keys(c.exposedPorts()), keys(c.volumes()), healthcheck(c.healthcheck()), orEmpty(c.stopSignal()),
                c.labels() == null ? Map.of() : c.labels(), diffIds, orEmpty(json.created()));
    }

    /** Image configuration JSON for {@code config}, as a builder or archive writes it. */
    public static byte[] write(ImageConfig config) {
        HealthcheckJson hc = config.healthcheck() == null ? null : new HealthcheckJson(config.healthcheck().test(),
                nanos(config.healthcheck().interval()), nanos(config.healthcheck().timeout()),
                nanos(config.healthcheck().startPeriod()), nanos(config.healthcheck().startInterval()),
                config.healthcheck().retries());
        ContainerConfigJson c = new ContainerConfigJson(nullIfEmpty(config.user()), set(config.exposedPorts()),
                config.env().isEmpty() ? null : config.env(), config.entrypoint().isEmpty() ? null : config.entrypoint(),
                config.cmd().isEmpty() ? null : config.cmd(), set(config.volumes()), nullIfEmpty(config.workingDir()),
                config.labels().isEmpty() ? null : config.labels(), nullIfEmpty(config.stopSignal()), hc, null, null, null);
        return Json.write(new ImageConfigJson(nullIfEmpty(config.created()), null, config.platform().architecture(),
                config.platform().os(), null, nullIfEmpty(config.platform().variant()), c,
                new ImageConfigJson.RootFsJson("layers", config.diffIds().stream().map(Digest::toString).toList()), null));
    }

    private static Healthcheck healthcheck(HealthcheckJson h) {
        if (h == null || h.test() == null || h.test().isEmpty()) return null;
        return new Healthcheck(h.test(), duration(h.interval()), duration(h.timeout()), duration(h.startPeriod()),
                duration(h.startInterval()), h.retries() == null ? 0 : h.retries());
    }

    private static Duration duration(Long nanos) {
        return nanos == null ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    private static Long nanos(Duration d) {
        return d == null || d.isZero() ? null : d.toNanos();
    }

    private static Set<String> keys(Map<String, Object> map) {
        return map == null ? Set.of() : new LinkedHashSet<>(map.keySet());
    }

    private static Map<String, Object> set(Set<String> keys) {
        if (keys.isEmpty()) return null;
        Map<String, Object> map = new LinkedHashMap<>();
        for (String k : keys) map.put(k, Map.of());
        return map;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
