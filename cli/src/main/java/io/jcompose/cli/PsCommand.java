package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jcompose ps}: options only; the work is in {@link PsView}. Its model is built in code. */
final class PsCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();

    enum Format { table, json }

    boolean all;
    boolean quiet;
    boolean servicesOnly;
    List<String> status = new ArrayList<>();
    String filter;
    Format format = Format.table;

    /** The command's model, built in code ({@link FieldBinding}) in the order of {@code ps --help}. */
    @Override
    CommandSpec model() {
        newModel("ps", "List the containers of the project.");
        addServicesParameter(() -> services, v -> services = v);
        spec.addOption(FieldBinding.option(boolean.class, () -> all, v -> all = v, "-a", "--all")
                .description("Show stopped containers too.").build());
        spec.addOption(FieldBinding.option(boolean.class, () -> quiet, v -> quiet = v, "-q", "--quiet")
                .description("Only print container IDs.").build());
        spec.addOption(FieldBinding.option(boolean.class, () -> servicesOnly, v -> servicesOnly = v, "--services")
                .description("Print the service names, one per line.").build());
        spec.addOption(FieldBinding.strings(() -> status, v -> status = v, "--status").paramLabel("STATUS")
                .description("Only containers in this state: created, running, paused, restarting, exited, dead; "
                        + "repeatable.").build());
        spec.addOption(FieldBinding.option(String.class, () -> filter, v -> filter = v, "--filter")
                .paramLabel("KEY=VALUE")
                .description("Filter services by a property (supported filters: status), e.g. --filter status=running.")
                .build());
        spec.addOption(FieldBinding.option(Format.class, () -> format, v -> format = v, "--format").paramLabel("FORMAT")
                .defaultValue("table").description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
                .build());
        return spec;
    }

    @Override
    public Integer call() throws InterruptedException {
        applyFilter();
        StackSession session = session();
        session.lookAhead(false);
        return PsView.ps(this, session);
    }

    /** docker compose's one {@code --filter}: {@code status=X} adds to {@code --status}; other keys are refused. */
    void applyFilter() {
        if (filter == null || filter.isEmpty()) return;
        int eq = filter.indexOf('=');
        if (eq < 0) throw new CommandFailure("arguments to --filter should be in form KEY=VAL");
        String key = filter.substring(0, eq);
        switch (key) {
            case "status" -> status.add(filter.substring(eq + 1));
            case "source" -> throw new CommandFailure("--filter source is not implemented");
            default -> throw new CommandFailure("unknown filter " + key);
        }
    }
}
