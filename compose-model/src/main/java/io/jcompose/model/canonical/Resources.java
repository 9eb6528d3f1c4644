package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.List;
import java.util.Map;

/**
 * How much a service may use and how it is kept alive: {@code deploy} (replicas, resources, restart
 * policy, placement), {@code healthcheck}, {@code ulimits}, {@code gpus} and device requests,
 * {@code blkio_config}. The Go structs behind {@code deploy.resources} and {@code deploy.placement}
 * are values, not pointers, so they always print, as {@code {}} when empty.
 */
final class Resources {
    private Resources() {
    }

    /** {@code count: all} is -1 in compose-go's {@code DeviceCount}. */
    private static final Rule DEVICE_COUNT = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        if (v instanceof ScalarNode s && s.value() instanceof String text && text.equalsIgnoreCase("all")) {
            return Values.num(-1, v);
        }
        return Values.num(Values.integer(v, p), v);
    };

    static final StructRule DEVICE_REQUEST = StructRule.of(
                    "capabilities", Rules.STRING_LIST,
                    "driver", Rules.STRING,
                    "count", DEVICE_COUNT,
                    "device_ids", Rules.STRING_LIST,
                    "options", Mappings.STRINGS)
            .then((out, src, path, rc) -> {
                boolean count = src.has("count");
                boolean ids = src.has("device_ids");
                if (count && ids) {
                    throw Values.error(src, path, "\"count\" and \"device_ids\" attributes are exclusive",
                            "keep either count or device_ids");
                }
                if (!count && !ids) out.put("count", Values.num(-1, src), src.position());
            });

    /** {@code gpus: all} or a list of device requests. */
    static final Rule GPUS = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        if (v instanceof ScalarNode) {
            MapNode.Builder all = MapNode.builder(v.position());
            all.put("count", Values.num(-1, v));
            return SeqNode.of(List.of(all.build()), v.position());
        }
        return Rules.list(DEVICE_REQUEST).apply(v, p, rc);
    };

    private static final StructRule RESOURCE = StructRule.of(
            "cpus", Rules.FLOAT32,
            "memory", Rules.BYTES,
            "pids", Rules.INT,
            "devices", Rules.list(DEVICE_REQUEST),
            "generic_resources", Rules.list(StructRule.of(
                    "discrete_resource_spec", StructRule.of("kind", Rules.STRING_KEEP, "value", Rules.INT_PTR))));

    private static final StructRule UPDATE_CONFIG = StructRule.of(
            "parallelism", Rules.INT_PTR,
            "delay", Rules.DURATION,
            "failure_action", Rules.STRING,
            "monitor", Rules.DURATION,
            "max_failure_ratio", Rules.FLOAT32,
            "order", Rules.STRING);

    static final StructRule DEPLOY = StructRule.of(
                    "mode", Rules.STRING,
                    "replicas", Rules.INT_PTR,
                    "labels", Mappings.STRINGS,
                    "update_config", UPDATE_CONFIG,
                    "rollback_config", UPDATE_CONFIG,
                    "resources", StructRule.of("limits", RESOURCE, "reservations", RESOURCE),
                    "restart_policy", StructRule.of(
                            "condition", Rules.STRING,
                            "delay", Rules.DURATION_PTR,
                            "max_attempts", Rules.INT_PTR,
                            "window", Rules.DURATION_PTR),
                    "placement", StructRule.of(
                            "constraints", Rules.STRING_LIST,
                            "preferences", Rules.list(StructRule.of("spread", Rules.STRING)),
                            "max_replicas_per_node", Rules.INT),
                    "endpoint_mode", Rules.STRING)
            .then((out, src, path, rc) -> {
                if (!out.has("resources")) out.put("resources", MapNode.empty(src.position()), src.position());
                if (!out.has("placement")) out.put("placement", MapNode.empty(src.position()), src.position());
            });

    /** {@code healthcheck.test}: a string runs through the shell ({@code CMD-SHELL}). */
    private static final Rule HEALTH_TEST = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        if (v instanceof ScalarNode) {
            return SeqNode.of(List.of(Values.str("CMD-SHELL", v), Values.str(Values.text(v, p), v)), v.position());
        }
        return Rules.strings(v, p);
    };

    static final StructRule HEALTHCHECK = StructRule.of(
            "test", HEALTH_TEST,
            "timeout", Rules.DURATION_PTR,
            "interval", Rules.DURATION_PTR,
            "retries", Rules.INT_PTR,
            "start_period", Rules.DURATION_PTR,
            "start_interval", Rules.DURATION_PTR,
            "disable", Rules.BOOL);

    /** {@code ulimits}: a single number stays a number, {@code {soft, hard}} a mapping. */
    private static final StructRule SOFT_HARD = StructRule.of("soft", Rules.INT, "hard", Rules.INT);

    static final Rule ULIMITS = Rules.mapOf((v, p, rc) -> {
        if (v instanceof ScalarNode) {
            long single = Values.integer(v, p);
            return single == 0 ? MapNode.empty(v.position()) : Values.num(single, v);
        }
        return SOFT_HARD.build(Values.map(v, p), p, rc);
    });

    /** {@code blkio_config}: the device entries are Go structs without tags, so JSON keeps the Go names. */
    static final StructRule BLKIO = StructRule.of(
            "weight", Rules.INT,
            "weight_device", goNamed("weight", false),
            "device_read_bps", goNamed("rate", true),
            "device_read_iops", goNamed("rate", true),
            "device_write_bps", goNamed("rate", true),
            "device_write_iops", goNamed("rate", true));

    private static Rule goNamed(String valueKey, boolean bytes) {
        return Rules.list((v, p, rc) -> {
            MapNode m = Values.map(v, p);
            MapNode.Builder out = MapNode.builder(m.position());
            Node path = m.get("path");
            out.put("Path", Values.str(path == null ? "" : Values.text(path, p.key("path")), m));
            Node value = m.get(valueKey);
            String goName = Character.toUpperCase(valueKey.charAt(0)) + valueKey.substring(1);
            if (bytes) {
                Node rate = value == null ? null : Rules.BYTES.apply(value, p.key(valueKey), rc);
                out.put(goName, rate == null ? Values.str("0", m) : rate);
            } else {
                out.put(goName, Values.num(value == null ? 0 : Values.integer(value, p.key(valueKey)), m));
            }
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                if (e.getKey().startsWith("x-")) out.put(e.getKey(), e.getValue());
            }
            return out.build();
        });
    }
}
