package io.jcompose.bench;

import io.jcompose.model.LoadedProject;
import io.jcompose.model.ProjectLoader;
import io.jcompose.model.ProjectOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading and canonicalizing a 100-service project split over 3 files with anchors (the project
 * bench/gen-project.sh writes; its directory comes in as -Dbench.project). Target: ≤ 50 ms per load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProjectLoadBenchmark {
    private ProjectOptions options;

    @Setup
    public void setUp() {
        Path dir = Path.of(System.getProperty("bench.project", "/tmp/jcompose-bench-project"));
        options = ProjectOptions.in(dir, Map.of("HOME", "/root", "PATH", "/usr/bin"))
                .withFiles(List.of("compose.yaml", "compose.data.yaml", "compose.override.yaml"));
        LoadedProject probe = ProjectLoader.load(options);
        if (probe.canonical().get("services") == null) throw new IllegalStateException("no services loaded");
    }

    @Benchmark
    public LoadedProject loadProject() {
        return ProjectLoader.load(options);
    }
}
