package io.jcompose.agent.daemon;

import io.jcompose.agent.build.AgentBuilds;
import io.jcompose.agent.build.BuildStepRunner;
import io.jcompose.agent.container.ContainerLayout;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.Reconciler;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.event.EventBus;
import io.jcompose.agent.host.CgroupLayout;
import io.jcompose.agent.host.HostProfile;
import io.jcompose.agent.image.AgentImages;
import io.jcompose.agent.monitor.Conmon;
import io.jcompose.agent.monitor.ExitWatcher;
import io.jcompose.agent.network.AgentNetworks;
import io.jcompose.agent.runtime.OciRuntime;
import io.jcompose.agent.runtime.RuntimeDetector;
import io.jcompose.agent.runtime.RuntimeSelection;
import io.jcompose.agent.state.ContainerStore;
import io.jcompose.agent.syscall.Libc;
import java.util.List;

/**
 * One running agent, wired in the order the document {@code docs/design/0004-container-supervision.md}
 * gives: lock, host facts, runtime choice, monitor, store, exit watcher, reconcile. The API server is
 * started on top by {@link AgentMain}; tests may use the services directly.
 */
public final class Agent implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Agent.class.getName());

    private final AgentConfig config;
    private final InstanceLock lock;
    private final ContainerStore store;
    private final ExitWatcher watcher;
    private final ContainerService containers;
    private final AgentNetworks networks;
    private final EventBus events;
    private final RuntimeSelection runtime;
    private final CgroupLayout cgroups;
    private final String conmonVersion;
    private final Supervisors supervisors;
    private final AgentImages images;

    private Agent(AgentConfig config, InstanceLock lock, ContainerStore store, ExitWatcher watcher,
                  ContainerService containers, AgentNetworks networks, EventBus events, RuntimeSelection runtime,
                  CgroupLayout cgroups, String conmonVersion, Supervisors supervisors, AgentImages images) {
        this.supervisors = supervisors;
        this.images = images;
        this.config = config;
        this.lock = lock;
        this.store = store;
        this.watcher = watcher;
        this.containers = containers;
        this.networks = networks;
        this.events = events;
        this.runtime = runtime;
        this.cgroups = cgroups;
        this.conmonVersion = conmonVersion;
    }

    /** Starts an agent; fails with UNAVAILABLE when not root, already running, or a host piece is missing. */
    public static Agent start(AgentConfig config) {
        if (Libc.geteuid() != 0) {
            throw AgentException.unavailable("the agent must run as root (it creates namespaces, cgroups and mounts)",
                    "run it with sudo, or as the system service");
        }
        InstanceLock lock = InstanceLock.acquire(config.lockFile());
        ContainerStore store = null;
        ExitWatcher watcher = null;
        Supervisors supervisors = null;
        AgentNetworks networks = null;
        try {
            ContainerLayout layout = new ContainerLayout(config.dataRoot(), config.runtimeDir());
            CgroupLayout cgroups = CgroupLayout.detect();
            HostProfile host = HostProfile.detect(cgroups);
            RuntimeSelection selection = new RuntimeDetector(layout.probeDir(), config.cgroupParent(), cgroups)
                    .select(config.runtimePreference());
            LOG.log(System.Logger.Level.INFO, "OCI runtime: {0}", selection.reason());
            Conmon conmon = Conmon.locate().withLogSizeMax(config.logPolicy().maxSize());
            // sqlite-jdbc unpacks its native library on first use; keep the copy with the agent's other
            // volatile files rather than in /tmp, where a killed agent would leave it behind.
            if (System.getProperty("org.sqlite.tmpdir") == null) {
                System.setProperty("org.sqlite.tmpdir", config.runtimeDir().toString());
            }
            store = ContainerStore.open(layout.database());
            EventBus events = new EventBus();
            networks = AgentNetworks.open(config.network(), config.dataRoot(), config.runtimeDir(), layout::bundle);
            AgentImages images = new AgentImages(config.imageRoot(), config.insecureRegistries(), store);
            OciRuntime runtime = new OciRuntime(selection.chosen(), layout.runtimeRoot());
            ContainerService containers = new ContainerService(store, runtime,
                    conmon, events, host, layout, config.cgroupParent(), networks, images);
            images.enableBuilds(new AgentBuilds(images.store(), BuildStepRunner.open(host, runtime,
                    config.runtimeDir().resolve("builds"), config.cgroupParent())));
            supervisors = Supervisors.volumes(layout, containers);
            // Exits are handled off the watcher thread: recording one takes the container's lock.
            watcher = ExitWatcher.start(layout.exitDir(), id -> Thread.startVirtualThread(() -> containers.onExit(id)));
            new Reconciler(containers).run();
            networks.adopt(containers.list(List.of()));
            supervisors.superviseAfterReconcile(layout, containers, events, config.logPolicy());
            return new Agent(config, lock, store, watcher, containers, networks, events, selection, cgroups,
                    conmon.version(), supervisors, images);
        } catch (RuntimeException e) {
            if (watcher != null) {
                watcher.close();
            }
            if (supervisors != null) {
                supervisors.close();
            }
            if (networks != null) {
                networks.close();
            }
            if (store != null) {
                store.close();
            }
            lock.close();
            throw e;
        }
    }

    public AgentConfig config() {
        return config;
    }

    public ContainerService containers() {
        return containers;
    }

    public AgentNetworks networks() {
        return networks;
    }

    /** The host's images, and the accessor other agent code uses for a container's image config. */
    public AgentImages images() {
        return images;
    }

    public EventBus events() {
        return events;
    }

    public RuntimeSelection runtime() {
        return runtime;
    }

    public CgroupLayout cgroups() {
        return cgroups;
    }

    public String conmonVersion() {
        return conmonVersion;
    }

    public io.jcompose.agent.volume.VolumeService volumes() {
        return supervisors.volumes();
    }

    /** Completes once the containers to bring back at agent start were handled (for tests and logs). */
    public java.util.concurrent.CompletableFuture<Void> restored() {
        return supervisors.restored();
    }

    /** Stops the agent; containers keep running under their monitors. */
    @Override
    public void close() {
        watcher.close();
        supervisors.close();
        networks.close();
        store.close();
        lock.close();
    }
}
