package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.model.project.Service;
import io.jcompose.scheduler.execute.ProgressEvent;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.plan.Desired;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code down --rmi local|all}: the images of the project's services, chosen as docker compose chooses them. A
 * service without {@code image:} runs the image built for it, named {@code <project>-<service>}: both modes remove
 * it. A service with {@code image:} names a custom tag: only {@code all} removes it. Without the compose file the
 * services are known from their containers' labels and images. The agent refuses an image a container still
 * uses (another project's, or one {@code down} left); that is reported, and the other images still go.
 */
final class RmiImages {
    private RmiImages() {
    }

    /** {@code local} or {@code all}; anything else is refused before anything is removed. */
    static void checkMode(String mode) {
        if (mode != null && !mode.equals("local") && !mode.equals("all")) {
            throw new CommandFailure("--rmi " + mode + ": expected local or all");
        }
    }

    /** The image docker compose gives a service it builds: {@code <project>-<service>}. */
    static String builtName(String project, String service) {
        return project + "-" + service;
    }

    /**
     * The references to remove, without repeats, in service order.
     *
     * @param desired    the compose file, or null when only the project name is known
     * @param containers the project's containers (before {@code down} removed them)
     * @param exists     whether the agent has an image of that reference
     */
    static List<String> choose(String mode, String project, Desired desired, Collection<ContainerView> containers,
                               Predicate<String> exists) {
        Set<String> out = new LinkedHashSet<>();
        if (desired != null) {
            for (Map.Entry<String, Service> e : desired.project().services().entrySet()) {
                String image = e.getValue().image();
                if (image == null || image.isEmpty()) {
                    String built = builtName(project, e.getKey());
                    if (exists.test(built)) out.add(built);
                } else if (mode.equals("all") && exists.test(image)) {
                    out.add(image);
                }
            }
            return List.copyOf(out);
        }
        for (ContainerView c : containers) {
            String service = c.labels().get(Labels.SERVICE);
            String image = c.spec() == null ? null : c.spec().image();
            if (service == null || image == null) continue;
            boolean built = image.equals(builtName(project, service)) || image.startsWith(builtName(project, service) + ":");
            if ((built || mode.equals("all")) && exists.test(image)) out.add(image);
        }
        return List.copyOf(out);
    }

    /** Removes each image with progress lines; 1 when one of them could not be removed, else 0. */
    static int remove(AgentClient agent, List<String> images, Consumer<ProgressEvent> progress) {
        int code = 0;
        for (String image : images) {
            String subject = "Image " + image;
            progress.accept(ProgressEvent.working(subject, "Removing"));
            try {
                agent.removeImage(image, false);
                progress.accept(ProgressEvent.done(subject, "Removed"));
            } catch (AgentException e) {
                if (e.kind() == ErrorKind.NOT_FOUND) {
                    progress.accept(ProgressEvent.done(subject, "Warning: No resource found to remove"));
                } else {
                    progress.accept(ProgressEvent.failed(subject, e.getMessage()));
                    code = ErrorReporter.FAILURE;
                }
            }
        }
        return code;
    }
}
