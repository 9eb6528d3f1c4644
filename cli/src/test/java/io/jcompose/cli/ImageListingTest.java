package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ImageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageListingTest {
    static final String ID = "sha256:" + "ab12".repeat(16);

    @ParameterizedTest
    @CsvSource({"0,0B", "999,999B", "1200,1.2kB", "4260000,4.26MB", "4266000,4.27MB", "120000000,120MB", "1000000000,1GB"})
    void sizesAreDecimalWithThreeSignificantDigits(long bytes, String text) {
        assertThat(ImageListing.size(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"docker.io/library/redis,redis", "docker.io/me/app,me/app", "127.0.0.1:5000/a/b,127.0.0.1:5000/a/b"})
    void repositoriesAreShownTheFamiliarWay(String repository, String familiar) {
        assertThat(ImageListing.familiar(repository)).isEqualTo(familiar);
    }

    @Test
    void oneRowPerTagAndADanglingImageShowsNone() {
        ImageView tagged = new ImageView(ID, List.of("docker.io/library/redis:7", "127.0.0.1:5000/x:1"),
                List.of("docker.io/library/redis@sha256:" + "c".repeat(64)), 4260000, "2024-01-01T00:00:00Z", Map.of(),
                "linux/amd64", null);
        ImageView dangling = new ImageView(ID, List.of(), List.of(), 10, null, Map.of(), null, null);
        String table = ImageListing.table(List.of(tagged, dangling), Instant.parse("2024-01-03T00:00:00Z"));
        assertThat(table.lines()).containsExactly(
                "REPOSITORY         TAG      IMAGE ID       CREATED      SIZE",
                "redis              7        ab12ab12ab12   2 days ago   4.26MB",
                "127.0.0.1:5000/x   1        ab12ab12ab12   2 days ago   4.26MB",
                "<none>             <none>   ab12ab12ab12   N/A          10B");
        assertThat(ImageListing.json(List.of(tagged)).lines()).hasSize(2).first().asString()
                .contains("\"ID\":\"ab12ab12ab12\"", "\"Repository\":\"redis\"", "\"Tag\":\"7\"", "\"Size\":\"4.26MB\"");
    }
}
