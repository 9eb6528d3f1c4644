package io.jcompose.agent.runtime;

/**
 * What probing one candidate runtime showed.
 *
 * @param name   the candidate's name
 * @param binary the binary found, or null when none is installed
 * @param works  whether a probe container could be created and deleted with it
 * @param reason one sentence: why it works or what failed
 */
public record RuntimeVerdict(String name, RuntimeBinary binary, boolean works, String reason) {
    @Override
    public String toString() {
        String who = binary == null ? name : name + " " + binary.version();
        return who + (works ? " works: " : " rejected: ") + reason;
    }
}
