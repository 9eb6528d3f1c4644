package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Read-only agent requests a command will make, started on other threads before its compose files load (which
 * takes longer than the requests): the connection to a running agent, then at once the project's containers and,
 * for commands that plan, the networks and volumes. Each answer is used once, by the request it stands for; a
 * request that failed in the background (or found no agent) is simply made again in order on the command's thread,
 * so errors and the agent's start read as they always have.
 */
final class LookAhead {
    private final String project;
    // Answered by the background threads; never reassigned (they complete them while the command's thread takes them).
    private final CompletableFuture<List<ContainerView>> containers = new CompletableFuture<>();
    private final CompletableFuture<List<Node.NetworkInfo>> networks;
    private final CompletableFuture<List<Node.VolumeInfo>> volumes;
    // Each answer is handed out once; the command's thread alone reads and sets these.
    private boolean containersTaken;
    private boolean networksTaken;
    private boolean volumesTaken;

    private LookAhead(String project, boolean resources) {
        this.project = project;
        this.networks = resources ? new CompletableFuture<>() : null;
        this.volumes = resources ? new CompletableFuture<>() : null;
    }

    /**
     * Starts the requests for the project named {@code project} on the node {@code connect} reaches (null when no
     * agent runs: then every answer is left to the command's thread).
     */
    static LookAhead start(Supplier<Node> connect, String project, boolean resources) {
        LookAhead ahead = new LookAhead(project, resources);
        // Platform threads: the requests are a few ms each, and a virtual thread would start the JDK's poller.
        background("agent-look-ahead", () -> {
            Node node = connect.get();
            if (node == null) {
                ahead.abandon(new IllegalStateException("no agent runs"));
                return;
            }
            if (resources) {
                // Each on its own connection: the agent answers them side by side.
                background("agent-look-ahead-networks", () -> run(ahead.networks, () -> node.networks(List.of())));
                background("agent-look-ahead-volumes", () -> run(ahead.volumes, () -> node.volumes(List.of())));
            }
            run(ahead.containers, () -> node.containers(List.of(Labels.projectFilter(project))));
        }, ahead);
        return ahead;
    }

    private static void background(String name, Runnable work, LookAhead ahead) {
        Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                // Even a failure outside the requests must answer every waiting future.
                ahead.abandon(e);
            }
        });
    }

    private static void background(String name, Runnable request) {
        // run() answers its future whatever happens
        Thread.ofPlatform().daemon().name(name).start(request);
    }

    private void abandon(Throwable e) {
        containers.completeExceptionally(e);
        if (networks != null) networks.completeExceptionally(e);
        if (volumes != null) volumes.completeExceptionally(e);
    }

    private static <T> void run(CompletableFuture<T> future, Supplier<T> request) {
        try {
            future.complete(request.get());
        } catch (Throwable e) {
            // whatever it is, the command's thread must not wait for an answer that never comes
            future.completeExceptionally(e);
        }
    }

    /** The containers labelled with {@code name}: the answer got ahead when it is that project's, else {@code now}. */
    List<ContainerView> containers(String name, Supplier<List<ContainerView>> now) {
        boolean fresh = !containersTaken && name.equals(project);
        containersTaken = true;
        return take(fresh ? containers : null, now);
    }

    List<Node.NetworkInfo> networks(Supplier<List<Node.NetworkInfo>> now) {
        boolean fresh = !networksTaken;
        networksTaken = true;
        return take(fresh ? networks : null, now);
    }

    List<Node.VolumeInfo> volumes(Supplier<List<Node.VolumeInfo>> now) {
        boolean fresh = !volumesTaken;
        volumesTaken = true;
        return take(fresh ? volumes : null, now);
    }

    private static <T> T take(CompletableFuture<T> ahead, Supplier<T> now) {
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error && !(error instanceof LinkageError)) throw error;
                // made again below, in order
            }
        }
        return now.get();
    }
}
