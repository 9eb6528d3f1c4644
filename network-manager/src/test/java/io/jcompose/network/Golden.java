package io.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}. Run with {@code -Dnetwork.golden.update=true}
 * to rewrite them from the current output (then review the diff).
 */
public final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("network.golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual);
                return;
            }
            assertThat(file).as("golden file %s (create it with -Dnetwork.golden.update=true)", file).exists();
            assertThat(actual).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
