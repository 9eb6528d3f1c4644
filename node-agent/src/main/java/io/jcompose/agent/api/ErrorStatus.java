package io.jcompose.agent.api;

import io.jcompose.agent.error.ErrorKind;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The one place where an error kind becomes an HTTP status. */
public final class ErrorStatus {
    private ErrorStatus() {
    }

    public static HttpResponseStatus of(ErrorKind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
            case ALREADY_EXISTS, CONFLICT, FAILED_PRECONDITION -> HttpResponseStatus.CONFLICT;
            case INVALID_ARGUMENT -> HttpResponseStatus.BAD_REQUEST;
            case UNAVAILABLE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
