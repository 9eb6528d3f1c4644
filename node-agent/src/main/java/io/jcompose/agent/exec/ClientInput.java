package io.jcompose.agent.exec;

/**
 * What a client sends into an attached stream (an exec's or a container's): standard input, its end, a
 * terminal size, and its own departure. Called from the connection's event loop: none of these may block.
 */
public interface ClientInput {
    /** Queues input; false when the queue is now full and the caller should stop reading. */
    boolean offerStdin(byte[] chunk);

    /** End of input. */
    void endStdin();

    /** Sets the terminal's size; nothing without a terminal. */
    void resize(int rows, int columns);

    /** The client went away. */
    void clientGone();
}
