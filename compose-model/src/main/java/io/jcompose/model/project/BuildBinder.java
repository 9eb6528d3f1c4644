package io.jcompose.model.project;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/** Binds how a service's image is made and developed: {@code build}, {@code develop}, {@code blkio_config}. */
final class BuildBinder {
    private BuildBinder() {
    }

    /** The long form; a bare string (compose-go's short form) is the context. */
    static BuildConfig build(Fields f, String key) {
        if (f.raw(key) instanceof ScalarNode) return BuildConfig.ofContext(f.str(key));
        Fields b = f.obj(key);
        if (b == null) return null;
        return new BuildConfig(b.str("context"), b.str("dockerfile"), b.str("dockerfile_inline"),
                b.strList("entitlements"), b.envMap("args"), b.str("provenance"), b.str("sbom"), ssh(b, "ssh"),
                b.strMap("labels"), b.strList("cache_from"), b.strList("cache_to"), b.bool("no_cache"),
                b.strList("no_cache_filter"), b.strMap("additional_contexts"), b.bool("pull"),
                ConnectionBinder.extraHosts(b, "extra_hosts"), b.str("isolation"), b.str("network"),
                b.str("target"), ServicePartBinder.fileReferences(b, "secrets", "/run/secrets/"),
                b.bytes("shm_size"), b.strList("tags"), ServicePartBinder.ulimits(b, "ulimits"),
                b.strList("platforms"), b.bool("privileged"));
    }

    /** A mapping id→path (null path: the default agent), or a list of {@code id} / {@code id=path}. */
    private static List<BuildConfig.SshKey> ssh(Fields b, String key) {
        List<BuildConfig.SshKey> out = new ArrayList<>();
        if (b.raw(key) instanceof MapNode) {
            for (Element e : b.entries(key)) out.add(new BuildConfig.SshKey(e.name(), e.isNull() ? null : e.text()));
            return out;
        }
        for (String item : b.strList(key)) {
            int eq = item.indexOf('=');
            out.add(eq < 0 ? new BuildConfig.SshKey(item, null)
                    : new BuildConfig.SshKey(item.substring(0, eq), item.substring(eq + 1)));
        }
        return out;
    }

    static DevelopConfig develop(Fields d) {
        if (d == null) return null;
        List<DevelopConfig.WatchRule> rules = new ArrayList<>();
        for (Element e : d.items("watch")) {
            Fields w = e.fields();
            rules.add(new DevelopConfig.WatchRule(w.str("path"), w.choice("action", DevelopConfig.Action.values()),
                    w.str("target"), LifecycleBinder.hook(w.obj("exec")), w.strList("ignore"), w.strList("include"),
                    w.bool("initial_sync")));
        }
        return new DevelopConfig(rules);
    }

    static BlkioConfig blkio(Fields b) {
        if (b == null) return null;
        List<BlkioConfig.WeightDevice> weights = new ArrayList<>();
        for (Element e : b.items("weight_device")) {
            Fields w = e.fields();
            weights.add(new BlkioConfig.WeightDevice(w.str("path"), w.intOr("weight", 0)));
        }
        return new BlkioConfig(b.intOrNull("weight"), weights, throttles(b, "device_read_bps", true),
                throttles(b, "device_read_iops", false), throttles(b, "device_write_bps", true),
                throttles(b, "device_write_iops", false));
    }

    /** Rates in bytes per second take units ({@code 10mb}); operation rates are plain numbers. */
    private static List<BlkioConfig.ThrottleDevice> throttles(Fields b, String key, boolean bytes) {
        List<BlkioConfig.ThrottleDevice> out = new ArrayList<>();
        for (Element e : b.items(key)) {
            Fields t = e.fields();
            Long rate = bytes ? t.bytes("rate") : t.longOrNull("rate");
            out.add(new BlkioConfig.ThrottleDevice(t.str("path"), rate == null ? 0 : rate));
        }
        return out;
    }
}
