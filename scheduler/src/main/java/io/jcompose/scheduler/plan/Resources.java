package io.jcompose.scheduler.plan;

import io.jcompose.model.project.IpamPool;
import io.jcompose.model.project.Network;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.ServiceVolume;
import io.jcompose.model.project.Volume;
import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.naming.Names;
import io.jcompose.scheduler.node.Node.NetworkRequest;
import io.jcompose.scheduler.node.Node.VolumeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The networks and volumes the considered services use: create what is missing, check that external ones exist,
 * and use (with a warning) a same-named resource another project or tool made, as docker compose does.
 */
final class Resources {
    private Resources() {
    }

    static List<Action> plan(Project project, List<String> considered, ObservedState observed, List<String> warnings) {
        Set<String> networkKeys = new LinkedHashSet<>();
        Set<String> volumeKeys = new LinkedHashSet<>();
        for (String name : considered) {
            Service s = project.service(name);
            if (s.networkMode() == null || s.networkMode().isEmpty()) {
                if (s.networks().isEmpty()) networkKeys.add("default");
                else networkKeys.addAll(s.networksByPriority());
            } else if (s.networkMode().equals("bridge")) {
                networkKeys.add("default");
            }
            for (ServiceVolume v : s.volumes()) {
                if (v.type() == ServiceVolume.Type.VOLUME && v.source() != null && !v.source().isEmpty()) {
                    volumeKeys.add(v.source());
                }
            }
        }
        List<Action> out = new ArrayList<>();
        for (String key : networkKeys) {
            Network n = project.networks().get(key);
            String name = Names.network(project, key);
            var found = observed.network(name);
            if (n != null && n.external()) {
                if (found.isEmpty()) {
                    throw new SchedulerException("network " + name + " is declared as external, but could not be found",
                            "create it first (it is not part of this project), or remove external: true from "
                                    + "networks." + key + " so that jcompose creates it");
                }
                continue;
            }
            if (found.isPresent()) {
                String owner = found.get().labels().get(Labels.PROJECT);
                if (!project.name().equals(owner)) {
                    warnings.add("network " + name + " exists but was not created for project " + project.name()
                            + "; it is used as it is");
                }
                continue;
            }
            out.add(new Action.CreateNetwork(key, networkRequest(project, key, n, name), "does not exist yet"));
        }
        for (String key : volumeKeys) {
            Volume v = project.volumes().get(key);
            String name = Names.volume(project, key);
            var found = observed.volume(name);
            if (v != null && v.external()) {
                if (found.isEmpty()) {
                    throw new SchedulerException("volume " + name + " is declared as external, but could not be found",
                            "create it first (it is not part of this project), or remove external: true from "
                                    + "volumes." + key + " so that jcompose creates it");
                }
                continue;
            }
            if (found.isPresent()) {
                if (!project.name().equals(found.get().labels().get(Labels.PROJECT))) {
                    warnings.add("volume " + name + " already exists but was not created for project "
                            + project.name() + "; it is used as it is (set external: true to say so)");
                }
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>(v == null ? Map.of() : v.labels());
            labels.put(Labels.PROJECT, project.name());
            labels.put(Labels.VOLUME, key);
            labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
            out.add(new Action.CreateVolume(key, new VolumeRequest(name, v == null ? null : v.driver(),
                    v == null ? Map.of() : v.driverOpts(), labels), "does not exist yet"));
        }
        return out;
    }

    private static NetworkRequest networkRequest(Project project, String key, Network n, String name) {
        Map<String, String> labels = new LinkedHashMap<>(n == null ? Map.of() : n.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.NETWORK, key);
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        List<IpamPool> ipam = new ArrayList<>();
        if (n != null && n.ipam() != null) {
            for (IpamPool pool : n.ipam().config()) if (pool.subnet() != null) ipam.add(pool);
        }
        return new NetworkRequest(name, n == null ? null : n.driver(), n != null && n.internal(),
                n == null ? null : n.enableIpv6(), ipam, n == null ? Map.of() : n.driverOpts(), labels);
    }
}
