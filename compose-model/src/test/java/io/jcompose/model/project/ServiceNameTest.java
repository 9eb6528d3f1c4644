package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.YamlPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"web", "Web", "web-1", "web_1", "web.internal", "1", "-", "A.b_c-9"})
    void validNames(String name) {
        assertThat(ServiceName.of(name).value()).isEqualTo(name);
        assertThat(ServiceName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "my web", "web/api", "web:1", "wéb", "web\n", "$web", "web*"})
    void invalidNamesAreRejectedWithTheNameAndTheRule(String name) {
        assertThatThrownBy(() -> ServiceName.of(name))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("invalid service name \"" + name + "\"")
                .hasMessageContaining("only letters, digits, '.', '_' and '-' are allowed");
        assertThat(ServiceName.isValid(name)).isFalse();
    }

    @Test
    void theFixSuggestsAValidName() {
        assertThatThrownBy(() -> ServiceName.of("my web/api"))
                .hasMessageEndingWith("— rename the service, for example to \"my-web-api\"");
    }

    @Test
    void bindingReportsTheServiceKeyPositionAndPath() {
        String yaml = """
                name: demo
                services:
                  ok:
                    image: a
                  "bad name":
                    image: b
                """;
        assertThatThrownBy(() -> ProjectBinder.bind(YamlTrees.parse(yaml)))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.position()).isEqualTo(new Position("compose.yaml", 5, 3));
                    assertThat(e.path()).isEqualTo(YamlPath.of("services", "bad name"));
                    assertThat(e.getMessage()).startsWith(
                            "compose.yaml:5:3 services.bad name: invalid service name \"bad name\"");
                });
    }
}
