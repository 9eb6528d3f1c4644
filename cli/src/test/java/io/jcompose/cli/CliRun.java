package io.jcompose.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One {@code jcompose} invocation in-process: exit code and what went to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = JcomposeCommand.commandLine(context)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs in {@code dir} with only {@code HOME} set, so the host's COMPOSE_* variables cannot leak in. */
    static CliRun in(Path dir, String... args) {
        return run(CliContext.of(dir, Map.of("HOME", dir.toString())), args);
    }
}
