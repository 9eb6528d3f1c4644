package io.jcompose.cli;

import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.scheduler.execute.ProgressEvent;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders the scheduler's progress events on stderr, as docker compose does: plain lines
 * ({@code ✔ Container demo-web-1  Started}), JSON lines with {@code --progress json}, nothing with
 * {@code --progress quiet}. A redrawn terminal tree is not drawn yet; {@code tty} falls back to plain lines.
 */
final class ProgressPrinter implements Consumer<ProgressEvent> {
    private final PrintWriter err;
    private final GlobalOptions.ProgressMode mode;

    ProgressPrinter(PrintWriter err, GlobalOptions.ProgressMode mode) {
        this.err = err;
        this.mode = mode == null ? GlobalOptions.ProgressMode.auto : mode;
    }

    @Override
    public synchronized void accept(ProgressEvent e) {
        switch (mode) {
            case quiet -> {
                if (e.status() == ProgressEvent.Status.FAILED) err.println(plain(e));
            }
            case json -> {
                Map<String, String> line = new LinkedHashMap<>();
                line.put("id", e.subject());
                line.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
                line.put("text", e.text());
                err.println(WireJson.text(line));
            }
            default -> err.println(plain(e));
        }
        err.flush();
    }

    static String plain(ProgressEvent e) {
        return switch (e.status()) {
            case DONE -> " ✔ " + e.subject() + "  " + e.text();
            case FAILED -> " ✘ " + e.subject() + "  Error: " + e.text();
            case WARNING -> "warning: " + e.subject() + ": " + e.text();
            case WORKING, WAITING -> " " + e.subject() + "  " + e.text();
        };
    }
}
