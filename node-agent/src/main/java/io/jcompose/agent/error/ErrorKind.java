package io.jcompose.agent.error;

/**
 * The few ways an agent operation can fail. The API edge maps each kind to one HTTP status and the
 * CLI maps each kind to one exit code; nothing else looks at them.
 */
public enum ErrorKind {
    /** The named container (or other object) does not exist. */
    NOT_FOUND,
    /** An object with that name or id already exists. */
    ALREADY_EXISTS,
    /** The request itself is wrong, whatever the state of the host. */
    INVALID_ARGUMENT,
    /** The request is valid but the object is not in a state that allows it ("cannot start a paused container"). */
    FAILED_PRECONDITION,
    /** Another operation on the same object is in the way. */
    CONFLICT,
    /** A host dependency (runtime binary, monitor, agent) is missing or not answering. */
    UNAVAILABLE,
    /** A bug or an unexpected failure of the host; the message carries the cause. */
    INTERNAL
}
