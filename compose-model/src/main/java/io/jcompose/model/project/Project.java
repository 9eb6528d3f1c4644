package io.jcompose.model.project;

import io.jcompose.model.ModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * A loaded compose project: what the scheduler plans from. Maps are keyed by the compose keys and keep the
 * canonical tree's order (alphabetical when it comes from the canonical form).
 *
 * @param name       the project name (already normalized by the loader)
 * @param workingDir the project directory, or null when unknown (the canonical tree does not carry it)
 * @param services   services by name; each key equals its service's {@link Service#name()}
 * @param networks   top-level networks by key
 * @param volumes    top-level volumes by key
 * @param secrets    top-level secrets by key
 * @param configs    top-level configs by key
 * @param models     top-level models by key
 * @param extensions top-level {@code x-*} keys as plain Java values
 */
public record Project(String name, Path workingDir, Map<String, Service> services, Map<String, Network> networks,
                      Map<String, Volume> volumes, Map<String, Secret> secrets, Map<String, Config> configs,
                      Map<String, Model> models, Map<String, Object> extensions) {

    public Project {
        if (name == null || name.isBlank()) {
            throw ModelException.of("the project has no name", "set a top-level name: or pass -p NAME");
        }
        services = Copies.map(services);
        networks = Copies.map(networks);
        volumes = Copies.map(volumes);
        secrets = Copies.map(secrets);
        configs = Copies.map(configs);
        models = Copies.map(models);
        extensions = Copies.map(extensions);
        for (Map.Entry<String, Service> e : services.entrySet()) {
            Objects.requireNonNull(e.getValue(), "service " + e.getKey());
            if (!e.getKey().equals(e.getValue().name().value())) {
                throw new IllegalArgumentException("service key " + e.getKey() + " holds service "
                        + e.getValue().name());
            }
        }
    }

    // ---- queries -------------------------------------------------------------------------------------------

    /** @throws ModelException "no such service" naming the known ones */
    public Service service(String serviceName) {
        Service s = services.get(serviceName);
        if (s == null) {
            throw ModelException.of("no such service: " + serviceName,
                    services.isEmpty() ? "the project has no services" : "known services: "
                            + String.join(", ", services.keySet()));
        }
        return s;
    }

    public Service service(ServiceName serviceName) {
        return service(serviceName.value());
    }

    public Optional<Service> findService(String serviceName) {
        return Optional.ofNullable(services.get(serviceName));
    }

    /** Service names in map order. */
    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    /** The {@code depends_on} keys of one service. */
    public List<String> dependencies(String serviceName) {
        return service(serviceName).dependencies();
    }

    /** The services whose {@code depends_on} names {@code serviceName}, in map order. */
    public List<String> dependents(String serviceName) {
        List<String> out = new ArrayList<>();
        for (Service s : services.values()) {
            if (s.dependsOn().containsKey(serviceName)) out.add(s.name().value());
        }
        return List.copyOf(out);
    }

    /** Every distinct {@code image} named by a service, in service order. Services that only build are absent. */
    public SequencedSet<String> images() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Service s : services.values()) {
            if (s.image() != null && !s.image().isEmpty()) out.add(s.image());
        }
        return Collections.unmodifiableSequencedSet(out);
    }

    // ---- copies --------------------------------------------------------------------------------------------

    public Project withName(String newName) {
        return new Project(newName, workingDir, services, networks, volumes, secrets, configs, models, extensions);
    }

    public Project withWorkingDir(Path newWorkingDir) {
        return new Project(name, newWorkingDir, services, networks, volumes, secrets, configs, models, extensions);
    }

    public Project withServices(Map<String, Service> newServices) {
        return new Project(name, workingDir, newServices, networks, volumes, secrets, configs, models, extensions);
    }

    /** Replaces the service of the same name in place, or appends it. */
    public Project withService(Service service) {
        Map<String, Service> next = new LinkedHashMap<>(services);
        next.put(service.name().value(), service);
        return withServices(next);
    }

    public Project withoutService(String serviceName) {
        if (!services.containsKey(serviceName)) return this;
        Map<String, Service> next = new LinkedHashMap<>(services);
        next.remove(serviceName);
        return withServices(next);
    }

    public Project withNetworks(Map<String, Network> newNetworks) {
        return new Project(name, workingDir, services, newNetworks, volumes, secrets, configs, models, extensions);
    }

    public Project withVolumes(Map<String, Volume> newVolumes) {
        return new Project(name, workingDir, services, networks, newVolumes, secrets, configs, models, extensions);
    }

    public Project withSecrets(Map<String, Secret> newSecrets) {
        return new Project(name, workingDir, services, networks, volumes, newSecrets, configs, models, extensions);
    }

    public Project withConfigs(Map<String, Config> newConfigs) {
        return new Project(name, workingDir, services, networks, volumes, secrets, newConfigs, models, extensions);
    }

    public Project withExtensions(Map<String, Object> newExtensions) {
        return new Project(name, workingDir, services, networks, volumes, secrets, configs, models, newExtensions);
    }
}
