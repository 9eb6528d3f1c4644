package io.jcompose.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Adds service names to picocli's generated bash completion: wherever a command takes a {@code SERVICE} (its
 * arguments, {@code --attach SERVICE}, {@code --exit-code-from SERVICE}...), the candidates come from
 * {@code jcompose config --services} run with the global file and project options already typed. The hooks go into
 * the generated functions at the two places picocli leaves open for them: the positional candidates and the
 * {@code return} after an option that takes an argument.
 */
final class ServiceCompletion {
    /** Lists the services of the compose file the command line names (globals only: they precede the command). */
    static final String FUNCTION = """

            # Service names from the compose file, with the global options typed so far (-f, -p, --profile...).
            function _jcompose_services() {
              local i args=()
              for ((i = 1; i < COMP_CWORD; i++)); do
                case ${COMP_WORDS[i]} in
                  -f|--file|-p|--project-name|--project-directory|--env-file|--profile)
                    args+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}"); ((i++)) ;;
                  -*) ;;
                  *) break ;;
                esac
              done
              jcompose "${args[@]}" config --services 2>/dev/null
            }
            """;

    private ServiceCompletion() {
    }

    static String addTo(String script, CommandLine root) {
        StringBuilder out = new StringBuilder(script);
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            if (!spec.name().equals(e.getKey())) continue; // an alias: the function is the command's own
            String header = "function _picocli_jcompose_" + e.getKey() + "() {\n";
            int start = out.indexOf(header);
            if (start < 0) continue;
            int end = out.indexOf("\n}\n", start);
            String body = out.substring(start, end);
            boolean servicePositional = spec.positionalParameters().stream().map(PositionalParamSpec::paramLabel)
                    .anyMatch(ServiceCompletion::isService);
            if (servicePositional) {
                body = body.replace("local positionals=\"\"", "local positionals=$(_jcompose_services)");
            }
            for (OptionSpec o : spec.options()) {
                if (!isService(o.paramLabel())) continue;
                String names = String.join("'|'", o.names());
                String plain = "    '" + names + "')\n      return\n";
                body = body.replace(plain, "    '" + names + "')\n      local IFS=$'\\n'\n"
                        + "      COMPREPLY=( $(compgen -W \"$(_jcompose_services)\" -- \"${curr_word}\") )\n      return\n");
            }
            out.replace(start, end, body);
        }
        return out.append(FUNCTION).toString();
    }

    private static boolean isService(String label) {
        return label != null && label.replace("[", "").replace("<", "").startsWith("SERVICE");
    }
}
