package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose events}: options only; the work is in {@link EventStream}. */
@Command(name = "events", description = "Receive real time events from containers.", sortOptions = false)
final class EventsCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = "--json", description = "Output events as a stream of JSON objects.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        return EventStream.run(this, session());
    }
}
