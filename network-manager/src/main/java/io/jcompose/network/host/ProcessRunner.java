package io.jcompose.network.host;

import io.jcompose.network.NetworkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes spawned inside the host namespace. Standard error is drained
 * on a virtual thread so that a chatty program cannot block on a full pipe.
 */
public final class ProcessRunner implements CommandRunner {

    private static final long TIMEOUT_SECONDS = 60;

    private final HostNamespace host;

    public ProcessRunner(HostNamespace host) {
        this.host = host;
    }

    @Override
    public String run(Command command) {
        Process process = host.call(() -> new ProcessBuilder(command.argv()).start());
        try {
            CompletableFuture<String> stderr = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> stderr.complete(readAll(process.getErrorStream())));
            try (OutputStream in = process.getOutputStream()) {
                if (command.stdin() != null) {
                    in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
                }
            }
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw NetworkException.failed(command.action(), command.argv().getFirst() + " did not finish within "
                        + TIMEOUT_SECONDS + " s");
            }
            String errors = stderr.join().strip();
            if (process.exitValue() != 0) {
                throw NetworkException.failed(command.action(),
                        errors.isEmpty() ? command.argv().getFirst() + " exited with status " + process.exitValue() : errors);
            }
            return stdout;
        } catch (IOException e) {
            process.destroyForcibly();
            throw NetworkException.failed(command.action(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw NetworkException.failed(command.action(), e);
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
