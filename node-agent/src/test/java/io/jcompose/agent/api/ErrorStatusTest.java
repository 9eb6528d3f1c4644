package io.jcompose.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.error.ErrorKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorStatusTest {
    @ParameterizedTest
    @CsvSource({
        "NOT_FOUND, 404", "ALREADY_EXISTS, 409", "INVALID_ARGUMENT, 400", "FAILED_PRECONDITION, 409",
        "CONFLICT, 409", "UNAVAILABLE, 503", "INTERNAL, 500",
    })
    void eachKindHasOneStatus(ErrorKind kind, int status) {
        assertThat(ErrorStatus.of(kind).code()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void everyKindIsMapped(ErrorKind kind) {
        assertThat(ErrorStatus.of(kind).code()).isBetween(400, 599);
    }
}
