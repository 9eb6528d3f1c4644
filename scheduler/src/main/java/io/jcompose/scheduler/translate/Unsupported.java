package io.jcompose.scheduler.translate;

import io.jcompose.model.project.Service;
import java.util.List;
import java.util.function.Predicate;

/**
 * The service attributes the agent's container spec has no field for, one line each: which attribute, when it
 * counts as set, whether ignoring it breaks the container (error) or only loses tuning (warning), and why.
 * Attributes translated field by field live in {@link SpecTranslator}; this table is everything else.
 */
final class Unsupported {
    private record Rule(String attribute, Predicate<Service> present, boolean error, String problem) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("devices", s -> !s.devices().isEmpty(), true, "host devices cannot be passed to containers yet"),
            new Rule("gpus", s -> !s.gpus().isEmpty(), true, "GPUs cannot be passed to containers"),
            new Rule("device_cgroup_rules", s -> !s.deviceCgroupRules().isEmpty(), true,
                    "device cgroup rules are not supported"),
            new Rule("uts", s -> s.uts() != null, true, "sharing the host's UTS namespace is not supported"),
            new Rule("userns_mode", s -> s.usernsMode() != null, true, "user namespace modes are not supported"),
            new Rule("use_api_socket", Service::useApiSocket, true, "there is no Docker API socket to mount"),
            new Rule("provider", s -> s.provider() != null, true, "provider services are not supported"),
            new Rule("pre_start", s -> !s.preStart().isEmpty(), true, "pre_start containers are not supported"),
            new Rule("post_start", s -> !s.postStart().isEmpty(), true, "post_start hooks are not supported"),
            new Rule("pre_stop", s -> !s.preStop().isEmpty(), false, "pre_stop hooks are not run"),
            new Rule("models", s -> !s.models().isEmpty(), true, "models are not supported"),
            new Rule("cgroup_parent", s -> s.cgroupParent() != null, false, "ignored: containers live under jcompose's cgroup"),
            new Rule("cpuset", s -> s.cpuset() != null, false, "ignored: CPU pinning is not supported"),
            new Rule("cpu_rt_period", s -> s.cpuRtPeriod() != null, false, "ignored: real-time scheduling is not supported"),
            new Rule("cpu_rt_runtime", s -> s.cpuRtRuntime() != null, false, "ignored: real-time scheduling is not supported"),
            new Rule("cpu_count", s -> s.cpuCount() != null, false, "ignored: a Windows-only setting"),
            new Rule("cpu_percent", s -> s.cpuPercent() != null, false, "ignored: a Windows-only setting"),
            new Rule("blkio_config", s -> s.blkioConfig() != null, false, "ignored: block-IO throttling is not supported"),
            new Rule("mem_swappiness", s -> s.memSwappiness() != null, false, "ignored: not supported"),
            new Rule("oom_kill_disable", Service::oomKillDisable, false, "ignored: not supported"),
            new Rule("oom_score_adj", s -> s.oomScoreAdj() != null, false, "ignored: not supported"),
            new Rule("storage_opt", s -> !s.storageOpt().isEmpty(), false, "ignored: overlay snapshots take no options"),
            new Rule("isolation", s -> s.isolation() != null, false, "ignored: a Windows-only setting"),
            new Rule("credential_spec", s -> s.credentialSpec() != null, false, "ignored: a Windows-only setting"),
            new Rule("runtime", s -> s.runtime() != null, false, "ignored: the agent picks the OCI runtime"),
            new Rule("annotations", s -> !s.annotations().isEmpty(), false, "ignored: OCI annotations are not passed on"),
            new Rule("external_links", s -> !s.externalLinks().isEmpty(), false,
                    "ignored: join the other project's network and use its service name instead"),
            new Rule("logging", s -> s.logging() != null && s.logging().driver() != null
                    && !s.logging().driver().equals("json-file") && !s.logging().driver().equals("local"), false,
                    "ignored: the agent keeps every container's log itself"));

    private Unsupported() {
    }

    static void check(Service service, Findings findings) {
        for (Rule r : RULES) {
            if (!r.present().test(service)) continue;
            if (r.error()) findings.error(r.attribute(), r.problem());
            else findings.warn(r.attribute(), r.problem());
        }
    }
}
