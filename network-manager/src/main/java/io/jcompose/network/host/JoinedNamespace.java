package io.jcompose.network.host;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Another namespace, entered by one platform thread through {@code setns(2)}; tasks are handed to
 * that thread. A task that is already on it runs inline, so nested calls cannot deadlock. If the
 * namespace cannot be joined the constructor fails: no task ever runs in the wrong namespace.
 */
final class JoinedNamespace implements HostNamespace {

    private static final FutureTask<Void> STOP = new FutureTask<>(() -> null);

    private final Path netnsFile;
    private final BlockingQueue<FutureTask<?>> tasks = new LinkedBlockingQueue<>();
    private final Thread worker;

    JoinedNamespace(Path netnsFile) {
        this.netnsFile = netnsFile;
        CompletableFuture<Void> joined = new CompletableFuture<>();
        this.worker = Thread.ofPlatform().daemon().name("netns-" + netnsFile.getFileName()).start(() -> {
            try {
                Setns.joinNetworkNamespace(netnsFile);
            } catch (RuntimeException | Error e) {
                joined.completeExceptionally(e);
                return;
            }
            joined.complete(null);
            serve();
        });
        try {
            joined.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + netnsFile, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void serve() {
        while (true) {
            FutureTask<?> task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            task.run();
        }
    }

    @Override
    public <T> T call(Callable<T> task) {
        if (Thread.currentThread() == worker) {
            try {
                return task.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (!worker.isAlive()) {
            throw new IllegalStateException(this + " is closed");
        }
        FutureTask<T> future = new FutureTask<>(task);
        tasks.add(future);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while working in " + this, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public Path file() {
        return netnsFile;
    }

    @Override
    public void close() {
        tasks.add(STOP);
    }

    @Override
    public String toString() {
        return "network namespace " + netnsFile;
    }
}
