package io.jcompose.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatedFilesTest {
    private static final String VALID = "version: '3'\nservices:\n  web:\n    image: nginx\n    ports: ['8080:80']\n";

    @TempDir
    Path dir;

    @AfterEach
    void off() {
        ValidatedFiles.rememberIn(null);
    }

    private static List<String> validate(String yaml) {
        List<String> warnings = new ArrayList<>();
        ValidatedFiles.validate(TestYaml.parse(yaml), warnings::add);
        return warnings;
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void aFileThatPassedIsRememberedWithItsWarnings() throws IOException {
        ValidatedFiles.rememberIn(dir, "build 1");
        List<String> first = validate(VALID);
        assertThat(first).singleElement().asString().contains("`version` is obsolete");
        assertThat(entries()).hasSize(1);
        Path entry = entries().getFirst();
        assertThat(Files.readString(entry)).contains("build 1", "nginx");
        assertThat(validate(VALID)).isEqualTo(first);
        assertThat(entries()).containsExactly(entry);
    }

    @Test
    void errorsAreNeverRememberedAndAnyDifferenceIsValidatedAgain() throws IOException {
        ValidatedFiles.rememberIn(dir, "build 1");
        validate("services:\n  web:\n    image: nginx\n    ports: ['8080:80']\n");
        // the same structure with a value of another type: checked, not taken for the remembered file
        String wrongType = "services:\n  web:\n    image: nginx\n    ports: {a: 1}\n";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> validate(wrongType)).isInstanceOf(ModelException.class);
        }
        assertThat(entries()).hasSize(1);
        // another build of jcompose validates again
        ValidatedFiles.rememberIn(dir, "build 2");
        validate("services:\n  web:\n    image: nginx\n    ports: ['8080:80']\n");
        assertThat(entries()).hasSize(2);
    }

    @Test
    void anEntryHoldingAnotherFileIsAMiss() throws IOException {
        ValidatedFiles.rememberIn(dir, "build 1");
        validate(VALID);
        Path entry = entries().getFirst();
        // the same name with other content (a hash collision, or a stray file) must not answer for this file
        Files.writeString(entry, "5\nother");
        assertThat(validate(VALID)).singleElement().asString().contains("`version` is obsolete");
        assertThat(Files.readString(entry)).contains("nginx");
    }

    @Test
    void offUnlessADirectoryIsGiven() throws IOException {
        ValidatedFiles.rememberIn(null);
        assertThat(validate(VALID)).hasSize(1);
        assertThat(entries()).isEmpty();
    }
}
