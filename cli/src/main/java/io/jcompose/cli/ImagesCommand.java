package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose images [SERVICE…]}: the images the project's containers use, as docker compose images. */
@Command(name = "images", description = "List the images used by the project's containers.")
final class ImagesCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services' containers.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only image ids.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    ImageCommand.Format format;

    @Override
    public Integer call() {
        return new ProjectImages(root.global(), root.context(), spec.commandLine().getOut(), spec.commandLine().getErr())
                .list(services, quiet, format);
    }
}
