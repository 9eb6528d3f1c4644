package io.jcompose.image.build;

import io.jcompose.image.build.dockerfile.DockerfileException;
import io.jcompose.image.build.dockerfile.DockerfileParser;
import io.jcompose.image.build.dockerfile.Instruction;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.build.state.ConfigDraft;
import java.util.ArrayList;
import java.util.List;

/** The ONBUILD instructions a base image stored, parsed back into instructions to run after FROM. */
final class OnBuildTriggers {
    private OnBuildTriggers() {
    }

    static List<Instruction> of(BuildState base) {
        ConfigDraft config = new ConfigDraft(base.config());
        if (config.onBuild == null || config.onBuild.isEmpty()) return List.of();
        List<Instruction> triggers = new ArrayList<>();
        for (String trigger : config.onBuild) {
            try {
                triggers.addAll(DockerfileParser.parse("FROM scratch\n" + trigger + "\n", "ONBUILD of the base image")
                        .stages().getFirst().instructions());
            } catch (DockerfileException e) {
                throw new BuildException("the base image's ONBUILD trigger \"" + trigger + "\" is invalid: "
                        + e.problem(), "rebuild the base image");
            }
        }
        return triggers;
    }
}
