package io.jcompose.scheduler.plan;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.scheduler.node.Node.NetworkRequest;
import io.jcompose.scheduler.node.Node.VolumeRequest;
import java.util.List;

/**
 * One step of a {@link Plan}, always with the reason it is there. {@link #describe()} is what {@code up --dry-run}
 * prints: {@code Container demo-web-1  recreate  configuration changed: env, ports}.
 */
public sealed interface Action {

    /** Why the planner chose this action, in words a user can act on. */
    String reason();

    /** What it acts on, docker compose style: {@code Network demo_default}, {@code Container demo-web-1}. */
    String subject();

    /** The verb shown to the user. */
    String verb();

    default String describe() {
        return subject() + "  " + verb() + "  " + reason();
    }

    record CreateNetwork(String key, NetworkRequest request, String reason) implements Action {
        public String subject() {
            return "Network " + request.name();
        }

        public String verb() {
            return "create";
        }
    }

    record CreateVolume(String key, VolumeRequest request, String reason) implements Action {
        public String subject() {
            return "Volume " + request.name();
        }

        public String verb() {
            return "create";
        }
    }

    /** @param services the services that use the image */
    record PullImage(String image, String platform, List<String> services, String reason) implements Action {
        public PullImage {
            services = List.copyOf(services);
        }

        public String subject() {
            return "Image " + image;
        }

        public String verb() {
            return "pull";
        }
    }

    /** Any action on one service's containers. */
    sealed interface ContainerAction extends Action {
        String service();
    }

    record CreateContainer(String service, int number, CreateContainerRequest request, String reason)
            implements ContainerAction {
        public String subject() {
            return "Container " + request.name();
        }

        public String verb() {
            return "create";
        }
    }

    /** Remove {@code old} (stopping it first), then create from {@code request}. */
    record RecreateContainer(String service, int number, ContainerView old, CreateContainerRequest request,
                             String reason) implements ContainerAction {
        public String subject() {
            return "Container " + request.name();
        }

        public String verb() {
            return "recreate";
        }
    }

    /** An up-to-date container that is not running. */
    record StartContainer(String service, int number, ContainerView container, String reason)
            implements ContainerAction {
        public String subject() {
            return "Container " + container.name();
        }

        public String verb() {
            return "start";
        }
    }

    /** Up to date but a {@code restart: true} dependency changes under it. */
    record RestartContainer(String service, int number, ContainerView container, String reason)
            implements ContainerAction {
        public String subject() {
            return "Container " + container.name();
        }

        public String verb() {
            return "restart";
        }
    }

    /** Up to date and running (or --no-start): nothing to do. */
    record KeepContainer(String service, int number, ContainerView container, String reason)
            implements ContainerAction {
        public String subject() {
            return "Container " + container.name();
        }

        public String verb() {
            return "keep";
        }
    }

    /** Scale down, a duplicate number, or an orphan. */
    record RemoveContainer(String service, ContainerView container, String reason) implements ContainerAction {
        public String subject() {
            return "Container " + container.name();
        }

        public String verb() {
            return "remove";
        }
    }
}
