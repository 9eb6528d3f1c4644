package io.jcompose.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.error.AgentException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiRequestTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-01-02T10:00:00Z          | 2024-01-02T10:00:00Z",
        "2024-01-02T10:00:00.5Z        | 2024-01-02T10:00:00.500Z",
        "2024-01-02T11:00:00+01:00     | 2024-01-02T10:00:00Z",
        "1704189600                    | 2024-01-02T10:00:00Z",
        "1704189600.000000001          | 2024-01-02T10:00:00.000000001Z",
        "1704189600.5                  | 2024-01-02T10:00:00.500Z",
    })
    void timesAreRfc3339OrDockersUnixSeconds(String given, String expected) {
        assertThat(request("since", given).instant("since")).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2024-01-02T25:00:00Z", "1e400x"})
    void anythingElseIsRefusedWithTheFormsThatWork(String given) {
        assertThatThrownBy(() -> request("until", given).instant("until"))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.fix()).contains("RFC 3339"));
    }

    private static ApiRequest request(String name, String value) {
        return new ApiRequest("GET", List.of("v1", "containers", "x", "logs"), Map.of(name, List.of(value)), new byte[0]);
    }
}
