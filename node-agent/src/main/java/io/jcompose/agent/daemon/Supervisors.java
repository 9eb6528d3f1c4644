package io.jcompose.agent.daemon;

import io.jcompose.agent.container.ContainerLayout;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.event.EventBus;
import io.jcompose.agent.health.HealthMonitor;
import io.jcompose.agent.health.HealthStore;
import io.jcompose.agent.log.LogKeeper;
import io.jcompose.agent.log.LogPolicy;
import io.jcompose.agent.restart.RestartStore;
import io.jcompose.agent.restart.RestartSupervisor;
import io.jcompose.agent.restart.StartupRestorer;
import io.jcompose.agent.volume.VolumeHooks;
import io.jcompose.agent.volume.VolumeService;
import io.jcompose.agent.volume.VolumeStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The lifecycle hooks beyond the bare container: volumes from the start (the reconciler may meet
 * containers that mount them), restart policies and health checks only after reconciling, so that
 * exits recorded while reconciling are not taken for fresh crashes — the restorer brings those back.
 */
final class Supervisors implements AutoCloseable {
    /** How long a container restored at agent start waits for its dependencies' conditions. */
    static final Duration DEPENDENCY_BOUND = Duration.ofMinutes(2);

    private final VolumeStore volumeStore;
    private final VolumeService volumes;
    private RestartStore restartStore;
    private HealthStore healthStore;
    private LogKeeper logKeeper;
    private CompletableFuture<Void> restored = CompletableFuture.completedFuture(null);

    private Supervisors(VolumeStore volumeStore, VolumeService volumes) {
        this.volumeStore = volumeStore;
        this.volumes = volumes;
    }

    static Supervisors volumes(ContainerLayout layout, ContainerService containers) {
        VolumeStore store = VolumeStore.open(layout.database());
        VolumeService volumes = new VolumeService(store, layout.dataRoot(), containers);
        containers.addHooks(new VolumeHooks(volumes));
        return new Supervisors(store, volumes);
    }

    void superviseAfterReconcile(ContainerLayout layout, ContainerService containers, EventBus events, LogPolicy logs) {
        restartStore = RestartStore.open(layout.database());
        RestartSupervisor restarts = new RestartSupervisor(containers, restartStore, events);
        healthStore = HealthStore.open(layout.database());
        HealthMonitor health = new HealthMonitor(containers, events, healthStore);
        containers.addHooks(restarts);
        containers.addHooks(health);
        logKeeper = new LogKeeper(layout, logs);
        containers.addHooks(logKeeper);
        logKeeper.resume(containers);
        health.resume();
        restored = new StartupRestorer(containers, restarts, DEPENDENCY_BOUND).run();
    }

    VolumeService volumes() {
        return volumes;
    }

    CompletableFuture<Void> restored() {
        return restored;
    }

    @Override
    public void close() {
        if (logKeeper != null) {
            logKeeper.close();
        }
        if (restartStore != null) {
            restartStore.close();
        }
        if (healthStore != null) {
            healthStore.close();
        }
        volumeStore.close();
    }
}
