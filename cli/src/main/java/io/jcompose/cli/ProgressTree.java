package io.jcompose.cli;

import io.jcompose.scheduler.execute.ProgressEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * docker compose's terminal progress: a header ({@code [+] Running 2/3}) and one line per resource, in the order
 * they first appeared, each with its mark, state and elapsed time, redrawn in place by moving the cursor up over
 * the previous drawing. Warnings are printed above the block and the block is drawn again below them. It is redrawn
 * on each event (no timer), so an elapsed time moves on when something happens.
 */
final class ProgressTree {
    private static final String UP = "\u001b[%dA";
    private static final String CLEAR_LINE = "\u001b[2K\r";

    private record Line(ProgressEvent.Status status, String text, long started, long ended) {
    }

    private final Map<String, Line> lines = new LinkedHashMap<>();
    private int drawn;

    /** The text that updates the terminal for {@code e}, at {@code now} (nanoseconds). */
    String apply(ProgressEvent e, long now) {
        StringBuilder out = new StringBuilder();
        if (drawn > 0) out.append(String.format(UP, drawn));
        if (e.status() == ProgressEvent.Status.WARNING) {
            out.append(CLEAR_LINE).append(ProgressPrinter.plain(e)).append('\n');
        } else {
            Line old = lines.get(e.subject());
            long started = old == null || old.ended() >= 0 && e.status() == ProgressEvent.Status.WORKING ? now : old.started();
            boolean finished = e.status() == ProgressEvent.Status.DONE || e.status() == ProgressEvent.Status.FAILED;
            lines.put(e.subject(), new Line(e.status(), e.text(), started, finished ? now : -1));
        }
        int done = 0;
        for (Line l : lines.values()) if (l.ended() >= 0) done++;
        out.append(CLEAR_LINE).append("[+] Running ").append(done).append('/').append(lines.size()).append('\n');
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Line> entry : lines.entrySet()) {
            Line l = entry.getValue();
            out.append(CLEAR_LINE).append(' ').append(mark(l.status())).append(' ').append(entry.getKey());
            out.append(" ".repeat(width - entry.getKey().length() + 2));
            String text = l.status() == ProgressEvent.Status.FAILED ? "Error: " + l.text() : l.text();
            out.append(text);
            long end = l.ended() >= 0 ? l.ended() : now;
            out.append("  ").append(seconds(end - l.started())).append('\n');
        }
        drawn = lines.size() + 1;
        return out.toString();
    }

    private static String mark(ProgressEvent.Status s) {
        return switch (s) {
            case DONE -> "\u001b[32m✔\u001b[0m";
            case FAILED -> "\u001b[31m✘\u001b[0m";
            case WAITING, WORKING, WARNING -> "⠿";
        };
    }

    /** {@code 0.4s}, as docker compose shows it. */
    static String seconds(long nanos) {
        long tenths = Math.max(0, nanos) / 100_000_000L;
        return tenths / 10 + "." + tenths % 10 + "s";
    }
}
