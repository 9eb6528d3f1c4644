package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.project.Service;
import io.jcompose.model.project.ServiceName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which services' pulls run: one per image, as docker compose pull does. */
class ProjectImagesTest {
    private static Service service(String name, String image) {
        return Service.builder(ServiceName.of(name)).image(image).build();
    }

    @Test
    void servicesSharingAnImageShareOnePullByTheFirstOfThem() {
        List<Service> services = List.of(service("a", "busy:1"), service("b", "busy:1"), service("c", "busy:2"),
                service("d", "busy:2"), service("e", "other"));
        assertThat(ProjectImages.onePerImage(services)).extracting(s -> s.name().value())
                .containsExactly("a", "c", "e");
    }
}
