package io.jcompose.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload the launcher's AOT cache is recorded from ({@code java -XX:AOTCacheOutput=... -cp jcompose.jar
 * io.jcompose.cli.AotTraining [compose file...]}). A cache is recorded from one JVM run, so the commands
 * worth starting fast run here one after the other, their output discarded. Classes they load are
 * stored already parsed and linked; later runs that load them skip that work.
 */
public final class AotTraining {

    private AotTraining() {
    }

    /** @param args sample compose files for {@code config}; missing ones are skipped */
    public static void main(String[] args) {
        CliContext context = CliContext.ofProcess();
        List<List<String>> commands = new ArrayList<>(List.of(
                List.of("version"),
                List.of("version", "--format", "json"),
                List.of("--help"),
                List.of("config", "--help"),
                List.of("no-such-command")));
        for (String file : args) {
            if (!Files.isRegularFile(Path.of(file))) continue;
            commands.add(List.of("-f", file, "config"));
            commands.add(List.of("-f", file, "config", "--format", "json"));
            commands.add(List.of("-f", file, "config", "--services"));
            commands.add(List.of("-f", file, "config", "--hash", "*"));
            commands.add(List.of("-f", file, "config", "--variables"));
        }
        int failures = 0;
        for (List<String> command : commands) {
            int code = Main.execute(context, command.toArray(String[]::new),
                    new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
            // The unknown command is there on purpose, to record the usage-error path.
            if (code != 0 && !command.getFirst().equals("no-such-command")) failures++;
        }
        // A failing sample still leaves a useful cache; say so on stderr for whoever runs this by hand.
        if (failures > 0) System.err.println(failures + " training command(s) failed");
    }
}
