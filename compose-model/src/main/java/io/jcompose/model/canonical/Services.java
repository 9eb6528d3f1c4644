package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Rules.BOOL;
import static io.jcompose.model.canonical.Rules.BOOL_PTR;
import static io.jcompose.model.canonical.Rules.BYTES;
import static io.jcompose.model.canonical.Rules.DURATION_PTR;
import static io.jcompose.model.canonical.Rules.FLOAT32;
import static io.jcompose.model.canonical.Rules.INT;
import static io.jcompose.model.canonical.Rules.INT_PTR;
import static io.jcompose.model.canonical.Rules.SHELL_COMMAND;
import static io.jcompose.model.canonical.Rules.STRING;
import static io.jcompose.model.canonical.Rules.STRING_LIST;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule table of a service: one line per attribute of compose-go's {@code ServiceConfig}. Short
 * syntaxes expand to long ones here; cross-attribute defaults (default network, implicit
 * dependencies) are the {@link Normalizer}'s.
 */
final class Services {
    private Services() {
    }

    /** {@code depends_on}: a list means {@code service_started}, required; the mapping form gets the same defaults. */
    private static final StructRule DEPENDENCY = StructRule.of(
                    "condition", STRING,
                    "restart", BOOL,
                    "required", BOOL_PTR)
            .then((out, src, path, rc) -> {
                if (!out.has("condition")) out.put("condition", Values.str("service_started", src), src.position());
                if (!out.has("required")) out.put("required", Values.bool(true, src), src.position());
            });

    private static final Rule DEPENDS_ON = (v, p, rc) -> {
        MapNode.Builder b = MapNode.builder(v.position());
        if (v instanceof SeqNode seq) {
            for (int i = 0; i < seq.size(); i++) {
                Node name = seq.get(i);
                b.put(Values.text(name, p.index(i)), MapNode.empty(name.position()), name.position());
            }
        } else {
            MapNode m = Values.map(v, p);
            for (var e : m.entries().entrySet()) {
                Node dep = Values.isNull(e.getValue()) ? MapNode.empty(e.getValue().position()) : e.getValue();
                b.put(e.getKey(), dep, m.keyPosition(e.getKey()));
            }
        }
        return Rules.mapOf(DEPENDENCY).apply(b.build(), p, rc);
    };

    private static final StructRule SERVICE_NETWORK = StructRule.of(
            "aliases", STRING_LIST,
            "driver_opts", Mappings.STRINGS,
            "gw_priority", INT,
            "interface_name", STRING,
            "ipv4_address", STRING,
            "ipv6_address", STRING,
            "link_local_ips", STRING_LIST,
            "mac_address", STRING,
            "priority", INT);

    /** A list of names is a mapping with null values; an empty mapping is left for the default network. */
    private static Rule namesToMap(Rule values) {
        return (v, p, rc) -> {
            if (v instanceof SeqNode seq) {
                MapNode.Builder b = MapNode.builder(seq.position());
                for (int i = 0; i < seq.size(); i++) {
                    Node name = seq.get(i);
                    b.put(Values.text(name, p.index(i)), Values.nil(name.position()), name.position());
                }
                v = b.build();
            }
            if (v instanceof MapNode m && m.isEmpty()) return m;
            return Rules.mapOf(values).apply(v, p, rc);
        };
    }

    static final StructRule HOOK = StructRule.of(
                    "command", SHELL_COMMAND,
                    "user", STRING,
                    "privileged", BOOL,
                    "working_dir", STRING,
                    "environment", Mappings.WITH_EQUALS)
            .then((out, src, path, rc) -> {
                if (!out.has("command")) out.put("command", Values.nil(src.position()), src.position());
            });

    private static final StructRule TRIGGER = StructRule.of(
                    "path", (Rule) (v, p, rc) -> Values.str(rc.paths().absPath(Values.text(v, p)), v),
                    "action", STRING,
                    "target", STRING,
                    "exec", HOOK,
                    "include", STRING_LIST,
                    "ignore", STRING_LIST,
                    "initial_sync", BOOL)
            .then((out, src, path, rc) -> {
                // Trigger.Exec is a struct value: encoding/json always prints it
                if (!out.has("exec")) out.put("exec", HOOK.build(MapNode.empty(src.position()), path, rc));
            });

    /** {@code develop.watch}: a rule watching several paths becomes one rule per path. */
    private static final Rule WATCH = (v, p, rc) -> {
        List<Node> out = new ArrayList<>();
        List<Node> items = Values.items(v, p);
        for (int i = 0; i < items.size(); i++) {
            MapNode rule = Values.map(items.get(i), p.index(i));
            if (rule.get("path") instanceof SeqNode paths) {
                for (Node path : paths.items()) out.add(TRIGGER.build(rule.with("path", path), p.index(i), rc));
            } else {
                out.add(TRIGGER.build(rule, p.index(i), rc));
            }
        }
        return out.isEmpty() ? null : SeqNode.of(out, v.position());
    };

    private static final Rule PULL_POLICY = (v, p, rc) -> {
        Node n = STRING.apply(v, p, rc);
        return n instanceof ScalarNode s && "if_not_present".equals(s.value()) ? Values.str("missing", s) : n;
    };

    static final StructRule SERVICE = StructRule.of(
            "profiles", STRING_LIST,
            "annotations", Mappings.STRINGS,
            "attach", BOOL_PTR,
            "build", Builds.BUILD,
            "develop", StructRule.of("watch", WATCH),
            "blkio_config", Resources.BLKIO,
            "cap_add", STRING_LIST,
            "cap_drop", STRING_LIST,
            "cgroup_parent", STRING,
            "cgroup", STRING,
            "cpu_count", INT,
            "cpu_percent", FLOAT32,
            "cpu_period", INT,
            "cpu_quota", INT,
            "cpu_rt_period", INT,
            "cpu_rt_runtime", INT,
            "cpus", FLOAT32,
            "cpuset", STRING,
            "cpu_shares", INT,
            "command", SHELL_COMMAND,
            "configs", Mounts.CONFIGS,
            "container_name", STRING,
            "credential_spec", StructRule.of("config", STRING, "file", STRING, "registry", STRING),
            "depends_on", DEPENDS_ON,
            "deploy", Resources.DEPLOY,
            "device_cgroup_rules", STRING_LIST,
            "devices", Mounts.DEVICES,
            "dns", STRING_LIST,
            "dns_opt", STRING_LIST,
            "dns_search", STRING_LIST,
            "dockerfile", STRING,
            "domainname", STRING,
            "entrypoint", SHELL_COMMAND,
            "provider", StructRule.of("type", STRING, "options", Mappings.MULTI_OPTIONS),
            "environment", Mappings.ENVIRONMENT,
            "env_file", Mounts.ENV_FILES,
            "expose", Ports.EXPOSE,
            "extends", Rules.DROP,
            "external_links", STRING_LIST,
            "extra_hosts", Mappings.EXTRA_HOSTS,
            "group_add", STRING_LIST,
            "gpus", Resources.GPUS,
            "hostname", STRING,
            "healthcheck", Resources.HEALTHCHECK,
            "image", STRING,
            "init", BOOL_PTR,
            "ipc", STRING,
            "isolation", STRING,
            "labels", Mappings.STRINGS,
            "label_file", STRING_LIST,
            "links", STRING_LIST,
            "logging", StructRule.of("driver", STRING, "options", Mappings.STRINGS),
            "log_driver", STRING,
            "log_opt", Mappings.STRINGS,
            "mem_limit", BYTES,
            "mem_reservation", BYTES,
            "memswap_limit", BYTES,
            "mem_swappiness", BYTES,
            "mac_address", STRING,
            "models", namesToMap(StructRule.of("endpoint_var", STRING, "model_var", STRING)),
            "net", STRING,
            "network_mode", STRING,
            "networks", namesToMap(SERVICE_NETWORK),
            "oom_kill_disable", BOOL,
            "oom_score_adj", INT,
            "pid", STRING,
            "pids_limit", INT,
            "platform", STRING,
            "ports", Ports.PORTS,
            "privileged", BOOL,
            "pull_policy", PULL_POLICY,
            "read_only", BOOL,
            "restart", STRING,
            "runtime", STRING,
            "scale", INT_PTR,
            "secrets", Mounts.SECRETS,
            "security_opt", STRING_LIST,
            "shm_size", BYTES,
            "stdin_open", BOOL,
            "stop_grace_period", DURATION_PTR,
            "stop_signal", STRING,
            "storage_opt", Mappings.STRINGS,
            "sysctls", Mappings.STRINGS,
            "tmpfs", STRING_LIST,
            "tty", BOOL,
            "ulimits", Resources.ULIMITS,
            "use_api_socket", BOOL,
            "user", STRING,
            "userns_mode", STRING,
            "uts", STRING,
            "volume_driver", STRING,
            "volumes", Mounts.VOLUMES,
            "volumes_from", STRING_LIST,
            "working_dir", STRING,
            "post_start", Rules.list(HOOK),
            "pre_start", Rules.list(HOOK.with("image", STRING).with("per_replica", BOOL)),
            "pre_stop", Rules.list(HOOK));

    static MapNode canonicalize(String name, Node service, RuleContext rc) {
        YamlPath path = YamlPath.of("services", name);
        return SERVICE.build(Values.map(service, path), path, rc);
    }
}
