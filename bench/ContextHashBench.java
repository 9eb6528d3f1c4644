import io.jcompose.image.build.context.BuildContext;
import io.jcompose.image.build.context.DockerIgnore;
import io.jcompose.image.build.context.FileHashCache;
import io.jcompose.image.build.context.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Driven by bench/context-hash.sh: the content hash of `COPY . /app` over a generated context of
 * N files (with a .dockerignore), first cold (every file read), then warm (stat only, the file hash
 * cache kept as the agent keeps it between builds), median and p90 of M runs.
 *
 * args: contextDir iterations
 */
public class ContextHashBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        FileHashCache cache = new FileHashCache();
        long t0 = System.nanoTime();
        BuildContext ctx = new BuildContext(dir, DockerIgnore.forContext(dir, null), cache);
        List<Source> all = ctx.select(".");
        String cold = ctx.hash(all);
        long coldNs = System.nanoTime() - t0;
        long[] warm = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            BuildContext again = new BuildContext(dir, DockerIgnore.forContext(dir, null), cache);
            String h = again.hash(again.select("."));
            warm[i] = System.nanoTime() - s;
            if (!h.equals(cold)) throw new IllegalStateException("hash changed on an unchanged context");
        }
        Arrays.sort(warm);
        System.out.printf("files hashed: %d%n", cache.size());
        System.out.printf("cold (first JVM use, every file read): %.1f ms%n", coldNs / 1e6);
        System.out.printf("warm select+hash, %d runs: median %.2f ms, p90 %.2f ms, min %.2f ms%n", n,
                warm[n / 2] / 1e6, warm[n * 9 / 10] / 1e6, warm[0] / 1e6);
    }
}
