package io.jcompose.model.project;

import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code deploy} and the device requests it shares with {@code gpus}. */
final class DeployBinder {
    private DeployBinder() {
    }

    static Deploy deploy(Fields d) {
        if (d == null) return null;
        Fields resources = d.obj("resources");
        Fields restart = d.obj("restart_policy");
        Fields placement = d.obj("placement");
        return new Deploy(d.str("mode"), d.intOrNull("replicas"), d.strMap("labels"),
                update(d.obj("update_config")), update(d.obj("rollback_config")),
                resources == null ? null : new Resources(limit(resources.obj("limits")),
                        limit(resources.obj("reservations"))),
                restart == null ? null : new RestartPolicy(restart.choice("condition",
                        RestartPolicy.Condition.values()), restart.duration("delay"),
                        restart.longOrNull("max_attempts"), restart.duration("window")),
                placement == null ? null : placement(placement), d.str("endpoint_mode"));
    }

    private static Deploy.UpdateConfig update(Fields u) {
        if (u == null) return null;
        return new Deploy.UpdateConfig(u.longOrNull("parallelism"), u.duration("delay"), u.str("failure_action"),
                u.duration("monitor"), u.doubleOrNull("max_failure_ratio"), u.str("order"));
    }

    private static ResourceLimit limit(Fields r) {
        if (r == null) return null;
        List<ResourceLimit.GenericResource> generic = new ArrayList<>();
        for (Element e : r.items("generic_resources")) {
            Fields spec = e.fields().obj("discrete_resource_spec");
            if (spec == null) continue; // the only kind the schema knows; nothing to bind without it
            Long value = spec.longOrNull("value");
            generic.add(new ResourceLimit.GenericResource(spec.str("kind"), value == null ? 0 : value));
        }
        return new ResourceLimit(r.doubleOrNull("cpus"), r.bytes("memory"), r.longOrNull("pids"),
                deviceRequests(r, "devices"), generic);
    }

    private static Placement placement(Fields p) {
        List<String> spreads = new ArrayList<>();
        for (Element e : p.items("preferences")) {
            String spread = e.fields().str("spread");
            if (spread != null) spreads.add(spread);
        }
        return new Placement(p.strList("constraints"), spreads, p.longOrNull("max_replicas_per_node"));
    }

    /** {@code gpus: all} is one request for every device; otherwise a list of requests. */
    static List<DeviceRequest> gpus(Fields f, String key) {
        if (f.raw(key) instanceof ScalarNode && "all".equalsIgnoreCase(f.str(key))) {
            return List.of(new DeviceRequest(List.of(), null, DeviceRequest.ALL, List.of(), null));
        }
        return deviceRequests(f, key);
    }

    static List<DeviceRequest> deviceRequests(Fields f, String key) {
        List<DeviceRequest> out = new ArrayList<>();
        for (Element e : f.items(key)) {
            Fields r = e.fields();
            out.add(new DeviceRequest(r.strList("capabilities"), r.str("driver"), count(r),
                    r.strList("device_ids"), r.strMap("options")));
        }
        return out;
    }

    private static Long count(Fields r) {
        Node n = r.raw("count");
        if (n instanceof ScalarNode s && s.value() instanceof String text && text.strip().equalsIgnoreCase("all")) {
            return DeviceRequest.ALL;
        }
        return r.longOrNull("count");
    }
}
