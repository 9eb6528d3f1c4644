package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jcompose down}: options only; the work is in {@link Lifecycle}. */
final class DownCommand extends ProjectCommand {
    List<String> services = new ArrayList<>();
    boolean volumes;
    boolean removeOrphans;
    String rmi;
    Integer timeout;

    /** The command's model, built in code ({@link FieldBinding}) in the order of {@code down --help}. */
    @Override
    CommandSpec model() {
        newModel("down", "Stop and remove containers and networks (and volumes with -v).");
        addServicesParameter(() -> services, v -> services = v);
        spec.addOption(FieldBinding.option(boolean.class, () -> volumes, v -> volumes = v, "-v", "--volumes")
                .description("Also remove the named volumes of the project (never external ones).").build());
        spec.addOption(FieldBinding.option(boolean.class, () -> removeOrphans, v -> removeOrphans = v,
                "--remove-orphans").description("Also remove containers of services not in the compose file.").build());
        spec.addOption(FieldBinding.option(String.class, () -> rmi, v -> rmi = v, "--rmi").paramLabel("TYPE")
                .description("Remove images used by services: local (only those built for the project, without a "
                        + "custom tag) or all.").build());
        spec.addOption(FieldBinding.option(Integer.class, () -> timeout, v -> timeout = v, "-t", "--timeout")
                .paramLabel("SECONDS").description("Seconds to wait before killing.").build());
        return spec;
    }

    @Override
    public Integer call() throws InterruptedException {
        RmiImages.checkMode(rmi);
        return Lifecycle.down(this, session());
    }
}
