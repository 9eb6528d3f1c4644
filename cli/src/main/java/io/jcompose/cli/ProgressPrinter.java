package io.jcompose.cli;

import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.scheduler.execute.ProgressEvent;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders the scheduler's progress events on stderr, as docker compose does: on a terminal a block redrawn in
 * place, one line per resource with its state and elapsed time ({@link ProgressTree}); plain lines otherwise
 * ({@code ✔ Container demo-web-1  Started}); JSON lines with {@code --progress json}; nothing but failures with
 * {@code --progress quiet}.
 */
final class ProgressPrinter implements Consumer<ProgressEvent> {
    private final PrintWriter err;
    private final GlobalOptions.ProgressMode mode;
    private ProgressTree tree;

    /** @param mode an effective mode ({@link #effective}); auto is taken as plain */
    ProgressPrinter(PrintWriter err, GlobalOptions.ProgressMode mode) {
        this.err = err;
        this.mode = mode == null ? GlobalOptions.ProgressMode.auto : mode;
    }

    /**
     * docker compose's choice of renderer: {@code --ansi never} (or {@code NO_COLOR}) means plain and
     * {@code --ansi always} a terminal view, unless {@code --progress} says otherwise; auto is the terminal view
     * when stderr is a terminal. {@code --progress tty} with {@code --ansi never} and {@code --progress plain}
     * with {@code --ansi always} are refused with docker compose's words.
     */
    static GlobalOptions.ProgressMode effective(GlobalOptions.ProgressMode progress, GlobalOptions.AnsiMode ansi,
                                                boolean noColor, boolean terminal) {
        GlobalOptions.ProgressMode p = progress == null ? GlobalOptions.ProgressMode.auto : progress;
        boolean never = ansi == GlobalOptions.AnsiMode.never || noColor && ansi != GlobalOptions.AnsiMode.always;
        return switch (p) {
            case auto -> never ? GlobalOptions.ProgressMode.plain
                    : ansi == GlobalOptions.AnsiMode.always || terminal ? GlobalOptions.ProgressMode.tty
                    : GlobalOptions.ProgressMode.plain;
            case tty -> {
                if (ansi == GlobalOptions.AnsiMode.never) {
                    throw new CommandFailure("can't use --progress tty while ANSI support is disabled");
                }
                yield GlobalOptions.ProgressMode.tty;
            }
            case plain -> {
                if (ansi == GlobalOptions.AnsiMode.always) {
                    throw new CommandFailure("can't use --progress plain while ANSI support is forced");
                }
                yield GlobalOptions.ProgressMode.plain;
            }
            case json, quiet -> p;
        };
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
                line.put("status", e.status().name().toLowerCase(Locale.ROOT));
                line.put("text", e.text());
                err.println(WireJson.text(line));
            }
            case tty -> {
                if (tree == null) tree = new ProgressTree();
                err.print(tree.apply(e, System.nanoTime()));
            }
            default -> err.println(plain(e));
        }
        err.flush();
    }

    /**
     * Ends the block drawn so far: what is printed next (the logs of {@code up}) goes below it, and later events
     * start a block of their own instead of redrawing over that output.
     */
    synchronized void endBlock() {
        tree = null;
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
