import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.build.BuildEvent;
import io.jcompose.image.build.BuildRequest;
import io.jcompose.image.build.Builder;
import io.jcompose.image.build.ChrootStepRunner;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times, inside one JVM: a fully cached rebuild of a 10-step Dockerfile, and a 3-RUN-step build (no cache)
 * from a base image already in the store. RUN steps run with mount(8) + chroot, as in BuilderIT.
 * Args: WORK (holding ctx/rootfs.tar) RUNS.
 */
public class BuildBench {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path ctx = work.resolve("ctx");
        ImageStore store = new ImageStore(work.resolve("store"),
                new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE), ApplyOptions.defaults());
        Builder builder = new Builder(store, new ChrootStepRunner(Files.createDirectories(work.resolve("mnt"))));
        Consumer<BuildEvent> none = e -> { };

        Files.writeString(ctx.resolve("Dockerfile"), """
                FROM scratch
                ADD rootfs.tar /
                ENV APP=bench
                WORKDIR /app
                COPY a.txt ./
                COPY b.txt ./
                RUN echo built > /app/run.txt
                LABEL kind=bench
                USER 1000
                CMD ["cat", "/app/run.txt"]
                """);
        builder.build(BuildRequest.of(ctx, List.of("bench/ten:1")), none);
        List<Long> cached = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            builder.build(BuildRequest.of(ctx, List.of("bench/ten:1")), none);
            cached.add((System.nanoTime() - t) / 1_000_000);
        }

        Files.writeString(ctx.resolve("Dockerfile.base"), "FROM scratch\nADD rootfs.tar /\n");
        builder.build(new BuildRequest(ctx, Path.of("Dockerfile.base"), null, null, null, null,
                List.of("bench/base:1"), false, false, null, null, null, null), none);
        Files.writeString(ctx.resolve("Dockerfile.run"), """
                FROM bench/base:1
                RUN echo one > /one
                RUN echo two > /two
                RUN echo three > /three
                """);
        List<Long> threeRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            builder.build(new BuildRequest(ctx, Path.of("Dockerfile.run"), null, null, null, null,
                    List.of("bench/run:1"), true, false, null, null, null, null), none);
            threeRuns.add((System.nanoTime() - t) / 1_000_000);
        }
        System.out.println("fully cached rebuild, 10 steps (ms): " + cached + " median " + median(cached));
        System.out.println("3 RUN steps from a present base, no cache (ms): " + threeRuns + " median " + median(threeRuns));
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

}
