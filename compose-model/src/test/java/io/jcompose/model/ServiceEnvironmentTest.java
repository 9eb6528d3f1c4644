package io.jcompose.model;

import static io.jcompose.model.ProjectFixture.at;
import static io.jcompose.model.ProjectFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** env_file folding into environment, through the whole loader as `config` and `up` see it. */
class ServiceEnvironmentTest {
    @TempDir
    Path tmp;

    @Test
    void laterFilesWinServiceEnvironmentWinsAndEnvFileIsDropped() {
        ProjectFixture p = new ProjectFixture(tmp)
                .file("a.env", "A=from-a\nSHARED=a\n")
                .file("b.env", "SHARED=b\nREF=${A}-ref\n")
                .file("compose.yaml", """
                        services:
                          s:
                            image: x
                            env_file: [a.env, b.env, {path: missing.env, required: false}]
                            environment: {OWN: service, SHARED: own, FROM_SHELL: null, UNSET: null}
                        """)
                .env("FROM_SHELL", "shell");
        MapNode s = (MapNode) at(p.load().canonical(), "services.s");
        assertThat(s.get("env_file")).isNull();
        MapNode env = (MapNode) s.get("environment");
        assertThat(env.keys()).containsExactly("A", "REF", "OWN", "SHARED", "FROM_SHELL", "UNSET");
        assertThat(value(s, "environment.A")).isEqualTo("from-a");
        assertThat(value(s, "environment.REF")).isEqualTo("from-a-ref");
        assertThat(value(s, "environment.SHARED")).isEqualTo("own");
        assertThat(value(s, "environment.FROM_SHELL")).isEqualTo("shell");
        assertThat(at(s, "environment.UNSET")).isNotNull();
        assertThat(value(s, "environment.UNSET")).isNull();
    }

    @Test
    void rawFormatKeepsValuesAsWritten() {
        ProjectFixture p = new ProjectFixture(tmp)
                .file("raw.env", "Q='quoted $X'\n")
                .file("compose.yaml", "services:\n  s:\n    image: x\n    env_file: [{path: raw.env, format: raw}]\n");
        assertThat(value(p.load().canonical(), "services.s.environment.Q")).isEqualTo("'quoted $X'");
    }

    @Test
    void aMissingRequiredFileIsAnErrorWhereItIsNamed() {
        ProjectFixture p = new ProjectFixture(tmp)
                .file("compose.yaml", "services:\n  s:\n    image: x\n    env_file: nope.env\n");
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("compose.yaml:4:")
                .hasMessageContaining("services.s.env_file[0]: env file " + tmp.resolve("nope.env") + " not found");
    }
}
