import io.jcompose.image.build.dockerfile.Dockerfile;
import io.jcompose.image.build.dockerfile.DockerfileParser;
import io.jcompose.image.build.dockerfile.Instruction;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * Driven by bench/dockerfile-parse.sh: parse (and expand every instruction of) a generated ~100-line
 * multi-stage Dockerfile, after warm-up; prints the median and 99th percentile per parse.
 */
public class DockerfileParseBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        String text = dockerfile();
        Function<String, String> vars = Map.of("VERSION", "1.2.3", "APP", "app", "PORT", "8080")::get;
        for (int i = 0; i < n; i++) {
            run(text, vars);
        }
        long[] parse = new long[n];
        long[] both = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Dockerfile df = DockerfileParser.parse(text, "Dockerfile");
            long t1 = System.nanoTime();
            expandAll(df, vars);
            long t2 = System.nanoTime();
            parse[i] = t1 - t0;
            both[i] = t2 - t0;
        }
        Arrays.sort(parse);
        Arrays.sort(both);
        System.out.printf("lines=%d parse: median %.1f us, p99 %.1f us; parse+expand: median %.1f us, p99 %.1f us%n",
                text.split("\n").length, parse[n / 2] / 1e3, parse[n * 99 / 100] / 1e3, both[n / 2] / 1e3,
                both[n * 99 / 100] / 1e3);
    }

    private static void run(String text, Function<String, String> vars) {
        expandAll(DockerfileParser.parse(text, "Dockerfile"), vars);
    }

    private static void expandAll(Dockerfile df, Function<String, String> vars) {
        df.stages().forEach(s -> {
            s.from().expand(vars, df.escape());
            for (Instruction in : s.instructions()) {
                in.expand(vars, df.escape());
            }
        });
    }

    private static String dockerfile() {
        StringBuilder b = new StringBuilder("# syntax=docker/dockerfile:1\nARG VERSION=1.0\n");
        for (int stage = 0; stage < 5; stage++) {
            b.append("FROM busybox:${VERSION} AS s").append(stage).append('\n');
            b.append("ARG APP\nENV APP_HOME=/opt/$APP PATH=\"/opt/$APP/bin:$PATH\" \\\n    LANG=C.UTF-8\n");
            b.append("WORKDIR ${APP_HOME:-/opt}\n");
            b.append("RUN set -eux; \\\n    mkdir -p /data /logs; \\\n    # make the dirs\n    chmod 0755 /data\n");
            b.append("COPY --chown=1000:1000 --chmod=644 src/ conf/*.yml /opt/app/\n");
            if (stage > 0) {
                b.append("COPY --from=s").append(stage - 1).append(" /opt/app /opt/prev\n");
            }
            b.append("RUN <<EOF\necho building\nexport X=1\nEOF\n");
            b.append("LABEL org.opencontainers.image.version=\"${VERSION}\" stage=").append(stage).append('\n');
            b.append("EXPOSE ${PORT}/tcp 9090\nVOLUME [\"/data\"]\nUSER 1000:1000\n");
            b.append("HEALTHCHECK --interval=30s --timeout=3s CMD wget -q -O- http://localhost:${PORT}/ || exit 1\n");
            b.append("CMD [\"/opt/app/bin/run\", \"--port\", \"8080\"]\n");
        }
        return b.toString();
    }
}
