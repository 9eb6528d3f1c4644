package io.jcompose.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The controlling terminal while a TTY exec is attached: keys go to the process as typed (no line editing,
 * no echo, Ctrl-C as a byte), and the settings found are put back when {@link #close} runs, which the caller
 * does in a finally block and a shutdown hook. Done with {@code stty} on the inherited standard input, which
 * is the terminal, so the CLI loads no native code for it.
 *
 * <p>Output post-processing stays on: runc clears {@code onlcr} on the container's terminal, so a bare
 * newline from the process must still return the cursor here.
 */
final class TerminalMode implements AutoCloseable {
    private final String saved;
    private boolean restored;

    private TerminalMode(String saved) {
        this.saved = saved;
    }

    /** Puts the terminal in raw mode; null when that is not possible (no stty, not a terminal). */
    static TerminalMode raw() {
        String saved = stty("-g");
        if (saved == null || stty("raw", "-echo", "opost", "onlcr") == null) {
            return null;
        }
        return new TerminalMode(saved.strip());
    }

    /** {rows, columns}, or null when unknown. */
    static int[] size() {
        String size = stty("size");
        if (size == null) {
            return null;
        }
        String[] parts = size.strip().split("\\s+");
        try {
            return parts.length == 2 ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (!restored) {
            restored = true;
            stty(saved);
        }
    }

    private static String stty(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "stty";
        System.arraycopy(args, 0, argv, 1, args.length);
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
