package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.LogLine;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Log prefixes as docker compose draws them, and the times --since/--until accept. */
class LogOutputTest {
    static ContainerView container(String name, String service, String number, boolean oneOff) {
        Map<String, String> labels = new HashMap<>();
        labels.put("com.docker.compose.project", "demo");
        if (service != null) labels.put("com.docker.compose.service", service);
        if (number != null) labels.put("com.docker.compose.container-number", number);
        labels.put("com.docker.compose.oneoff", oneOff ? "True" : "False");
        return new ContainerView("id-" + name, name, labels, "running", 1, null, false, null, null, null, null, null,
                null, 0, List.of(), Map.of());
    }

    private static final ContainerView WEB = container("demo-web-1", "web", "1", false);
    private static final ContainerView DATABASE = container("demo-database-2", "database", "2", false);

    @Test
    void namesArePaddedToTheLongestAndFollowedByABar() {
        LogPrefix prefix = LogPrefix.of(List.of(WEB, DATABASE), true, false);
        assertThat(prefix.format(WEB, "hello")).isEqualTo("web-1       | hello");
        assertThat(prefix.format(DATABASE, "ready")).isEqualTo("database-2  | ready");
    }

    @Test
    void aSingleContainerGetsTwoSpacesBeforeTheBar() {
        assertThat(LogPrefix.of(List.of(WEB), true, false).format(WEB, "hi")).isEqualTo("web-1  | hi");
    }

    @Test
    void noLogPrefixPrintsTheMessageAlone() {
        assertThat(LogPrefix.of(List.of(WEB, DATABASE), false, true).format(WEB, "hello")).isEqualTo("hello");
    }

    @Test
    void colouredPrefixesWrapOnlyTheNameAndBarInTheServicesColour() {
        String line = LogPrefix.of(List.of(WEB), true, true).format(WEB, "hi");
        assertThat(line).isEqualTo("\u001b[" + LogPrefix.colour("web") + "mweb-1  |\u001b[0m hi");
    }

    @Test
    void aServiceKeepsItsColourAndServicesDiffer() {
        assertThat(LogPrefix.colour("web")).isEqualTo(LogPrefix.colour("web"));
        assertThat(List.of("web", "db", "api", "cache", "worker").stream().map(LogPrefix::colour).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void oneOffsAndUnlabelledContainersGoByTheirName() {
        ContainerView run = container("demo-web-run-0123456789ab", "web", "1", true);
        ContainerView bare = container("loose", null, null, false);
        assertThat(LogPrefix.name(run)).isEqualTo("demo-web-run-0123456789ab");
        assertThat(LogPrefix.name(bare)).isEqualTo("loose");
    }

    @Test
    void timestampsGoBeforeTheMessageAfterThePrefix() {
        LogFollower follower = new LogFollower(false, -1, null, null, true, LogPrefix.of(List.of(WEB), true, false));
        assertThat(follower.render(WEB, new LogLine("stdout", "2024-01-02T10:00:00.123456789Z", "hi\n")))
                .isEqualTo("web-1  | 2024-01-02T10:00:00.123456789Z hi");
    }

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @ParameterizedTest
    @CsvSource({
            "10m,                            2024-06-01T11:50:00Z",
            "1h30m,                          2024-06-01T10:30:00Z",
            "1.5h,                           2024-06-01T10:30:00Z",
            "1700000000,                     2023-11-14T22:13:20Z",
            "1700000000.5,                   2023-11-14T22:13:20.500Z",
            "2024-01-02T10:00:00Z,           2024-01-02T10:00:00Z",
            "2024-01-02T10:00:00.25+01:00,   2024-01-02T09:00:00.250Z",
            "2024-01-02,                     2024-01-01T23:00:00Z",
            "2024-01-02T10,                  2024-01-02T09:00:00Z",
            "2024-01-02T10:30,               2024-01-02T09:30:00Z",
            "2024-07-02T10:30:15,            2024-07-02T08:30:15Z"})
    void sinceAndUntilTakeDockersForms(String value, String expected) {
        assertThat(TimeBound.parse("--since", value, NOW, ZONE)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "10x", "2024-13-01", "''", "1.2.3"})
    void otherTimesAreRefusedWithTheForms(String value) {
        assertThatThrownBy(() -> TimeBound.parse("--until", value, NOW, ZONE)).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("--until").hasMessageContaining("10m");
    }
}
