package io.jcompose.image.build.dockerfile;

import java.util.List;

/**
 * One build stage: its FROM and the instructions after it up to the next FROM.
 *
 * @param index        0-based position among the stages (what {@code COPY --from=0} names)
 * @param name         the lower-cased {@code AS name}, or null
 * @param from         the FROM instruction that opens the stage
 * @param instructions the instructions after FROM, in order (FROM itself not included)
 */
public record Stage(int index, String name, From from, List<Instruction> instructions) {
    public Stage {
        instructions = List.copyOf(instructions);
    }
}
