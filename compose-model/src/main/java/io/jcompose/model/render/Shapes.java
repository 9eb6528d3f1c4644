package io.jcompose.model.render;

import static io.jcompose.model.render.Shape.listOf;
import static io.jcompose.model.render.Shape.mapOf;

import io.jcompose.model.render.Shape.Struct;

/**
 * The field order of compose-go's {@code types} structs ({@code types/types.go}, {@code build.go},
 * {@code healthcheck.go}, {@code develop.go}, {@code hooks.go}, {@code device.go}, {@code envfile.go},
 * {@code project.go}): {@code docker compose config} prints struct fields in declaration order and
 * map keys sorted. One table, read by both renderers and by the config hash.
 */
final class Shapes {
    private Shapes() {
    }

    static final Struct HOOK = Struct.of("command", "user", "privileged", "working_dir", "environment")
            .yamlOmitZero("command");

    static final Struct FILE_REFERENCE = Struct.of("source", "target", "uid", "gid", "mode");

    static final Struct ULIMIT = Struct.of("single", "soft", "hard");

    static final Struct DEVICE_REQUEST = Struct.of("capabilities", "driver", "count", "device_ids", "options");

    static final Struct BUILD = Struct.of(
                    "context", "dockerfile", "dockerfile_inline", "entitlements", "args", "provenance", "sbom",
                    "ssh", "labels", "cache_from", "cache_to", "no_cache", "no_cache_filter",
                    "additional_contexts", "pull", "extra_hosts", "isolation", "network", "target", "secrets",
                    "shm_size", "tags", "ulimits", "platforms", "privileged")
            .child("secrets", listOf(FILE_REFERENCE))
            .child("ulimits", mapOf(ULIMIT));

    static final Struct WATCH = Struct.of("path", "action", "target", "exec", "include", "ignore", "initial_sync")
            .child("exec", HOOK)
            .yamlOmitZero("exec");

    static final Struct DEVELOP = Struct.of("watch").child("watch", listOf(WATCH));

    // WeightDevice and ThrottleDevice carry no struct tags: encoding/json keeps the Go field names
    // while go-yaml lowercases them.
    static final Struct WEIGHT_DEVICE = Struct.of("Path", "Weight")
            .yamlName("Path", "path").yamlName("Weight", "weight");

    static final Struct THROTTLE_DEVICE = Struct.of("Path", "Rate")
            .yamlName("Path", "path").yamlName("Rate", "rate");

    static final Struct BLKIO = Struct.of("weight", "weight_device", "device_read_bps", "device_read_iops",
                    "device_write_bps", "device_write_iops")
            .child("weight_device", listOf(WEIGHT_DEVICE))
            .child("device_read_bps", listOf(THROTTLE_DEVICE))
            .child("device_read_iops", listOf(THROTTLE_DEVICE))
            .child("device_write_bps", listOf(THROTTLE_DEVICE))
            .child("device_write_iops", listOf(THROTTLE_DEVICE));

    static final Struct UPDATE_CONFIG = Struct.of("parallelism", "delay", "failure_action", "monitor",
            "max_failure_ratio", "order");

    static final Struct RESOURCE = Struct.of("cpus", "memory", "pids", "devices", "generic_resources")
            .child("devices", listOf(DEVICE_REQUEST))
            .child("generic_resources", listOf(Struct.of("discrete_resource_spec")
                    .child("discrete_resource_spec", Struct.of("kind", "value"))));

    static final Struct DEPLOY = Struct.of("mode", "replicas", "labels", "update_config", "rollback_config",
                    "resources", "restart_policy", "placement", "endpoint_mode")
            .child("update_config", UPDATE_CONFIG)
            .child("rollback_config", UPDATE_CONFIG)
            .child("resources", Struct.of("limits", "reservations")
                    .child("limits", RESOURCE).child("reservations", RESOURCE))
            .child("restart_policy", Struct.of("condition", "delay", "max_attempts", "window"))
            .child("placement", Struct.of("constraints", "preferences", "max_replicas_per_node")
                    .child("preferences", listOf(Struct.of("spread"))))
            .yamlOmitZero("resources", "placement");

    static final Struct HEALTHCHECK = Struct.of("test", "timeout", "interval", "retries", "start_period",
            "start_interval", "disable");

    static final Struct SERVICE_NETWORK = Struct.of("aliases", "driver_opts", "gw_priority", "interface_name",
            "ipv4_address", "ipv6_address", "link_local_ips", "mac_address", "priority");

    static final Struct PORT = Struct.of("name", "mode", "host_ip", "target", "published", "protocol",
            "app_protocol");

    static final Struct SERVICE_VOLUME = Struct.of("type", "source", "target", "read_only", "consistency",
                    "bind", "volume", "tmpfs", "image")
            .child("bind", Struct.of("selinux", "propagation", "create_host_path", "recursive"))
            .child("volume", Struct.of("labels", "nocopy", "subpath"))
            .child("tmpfs", Struct.of("size", "mode"))
            .child("image", Struct.of("subpath"));

    static final Struct SERVICE = Struct.of(
                    "profiles", "annotations", "attach", "build", "develop", "blkio_config", "cap_add",
                    "cap_drop", "cgroup_parent", "cgroup", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
                    "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares", "command", "configs",
                    "container_name", "credential_spec", "depends_on", "deploy", "device_cgroup_rules", "devices",
                    "dns", "dns_opt", "dns_search", "dockerfile", "domainname", "entrypoint", "provider",
                    "environment", "env_file", "expose", "extends", "external_links", "extra_hosts", "group_add",
                    "gpus", "hostname", "healthcheck", "image", "init", "ipc", "isolation", "labels",
                    "label_file", "links", "logging", "log_driver", "log_opt", "mem_limit", "mem_reservation",
                    "memswap_limit", "mem_swappiness", "mac_address", "models", "net", "network_mode",
                    "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports",
                    "privileged", "pull_policy", "pull_refresh_after", "read_only", "restart", "runtime",
                    "scale", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period",
                    "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user",
                    "userns_mode", "uts", "volume_driver", "volumes", "volumes_from", "working_dir",
                    "post_start", "pre_start", "pre_stop")
            .child("build", BUILD)
            .child("develop", DEVELOP)
            .child("blkio_config", BLKIO)
            .child("configs", listOf(FILE_REFERENCE))
            .child("credential_spec", Struct.of("config", "file", "registry"))
            .child("depends_on", mapOf(Struct.of("condition", "restart", "required")))
            .child("deploy", DEPLOY)
            .child("devices", listOf(Struct.of("source", "target", "permissions")))
            .child("provider", Struct.of("type", "options"))
            .child("env_file", listOf(Struct.of("path", "required", "format")))
            .child("extends", Struct.of("file", "service"))
            .child("gpus", listOf(DEVICE_REQUEST))
            .child("healthcheck", HEALTHCHECK)
            .child("logging", Struct.of("driver", "options"))
            .child("models", mapOf(Struct.of("endpoint_var", "model_var")))
            .child("networks", mapOf(SERVICE_NETWORK))
            .child("ports", listOf(PORT))
            .child("secrets", listOf(FILE_REFERENCE))
            .child("ulimits", mapOf(ULIMIT))
            .child("volumes", listOf(SERVICE_VOLUME))
            .child("post_start", listOf(HOOK))
            .child("pre_stop", listOf(HOOK))
            .child("pre_start", listOf(HOOK.plus("image", "per_replica")))
            // ShellCommand: JSON prints an unset command as null, go-yaml's IsZero drops it
            .yamlOmitZero("command", "entrypoint");

    static final Struct NETWORK = Struct.of("name", "driver", "driver_opts", "ipam", "external", "internal",
                    "attachable", "labels", "enable_ipv4", "enable_ipv6")
            .child("ipam", Struct.of("driver", "config", "options")
                    .child("config", listOf(Struct.of("subnet", "gateway", "ip_range", "aux_addresses"))))
            .yamlOmitZero("ipam");

    static final Struct VOLUME = Struct.of("name", "driver", "driver_opts", "external", "labels");

    static final Struct FILE_OBJECT = Struct.of("name", "file", "environment", "content", "external", "labels",
            "driver", "driver_opts", "template_driver");

    static final Struct MODEL = Struct.of("name", "model", "context_size", "runtime_flags");

    /** {@code types.Project}; its JSON form is a Go map, so the JSON renderer sorts these keys. */
    static final Struct PROJECT = Struct.of("name", "services", "networks", "volumes", "secrets", "configs",
                    "models")
            .child("services", mapOf(SERVICE))
            .child("networks", mapOf(NETWORK))
            .child("volumes", mapOf(VOLUME))
            .child("secrets", mapOf(FILE_OBJECT))
            .child("configs", mapOf(FILE_OBJECT))
            .child("models", mapOf(MODEL));
}
