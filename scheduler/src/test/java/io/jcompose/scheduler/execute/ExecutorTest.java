package io.jcompose.scheduler.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.plan.Desired;
import io.jcompose.scheduler.plan.ObservedState;
import io.jcompose.scheduler.plan.PlanOptions;
import io.jcompose.scheduler.plan.Planner;
import io.jcompose.scheduler.testing.FakeNode;
import io.jcompose.scheduler.testing.Projects;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ExecutorTest {
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    private List<ServiceOutcome> up(FakeNode node, String yaml) throws InterruptedException {
        Desired d = Projects.load(yaml);
        var plan = Planner.plan(d, ObservedState.of(node, d.project()), PlanOptions.DEFAULTS);
        return new Executor(node, 4, null, Pacing.every(Duration.ofMillis(1)), events::add).apply(plan);
    }

    private static FakeNode nodeWithImages() {
        return new FakeNode().image("busybox", "sha256:b").image("postgres", "sha256:p")
                .network("demo_default", Map.of(Labels.PROJECT, "demo"));
    }

    @Test
    void aDependentStartsOnlyOnceItsDependencyIsHealthy() throws InterruptedException {
        FakeNode node = nodeWithImages().health("demo-db-1", 3, "healthy");
        var outcomes = up(node, """
                services:
                  db: {image: postgres, healthcheck: {test: [CMD, pg_isready]}}
                  web: {image: busybox, depends_on: {db: {condition: service_healthy}}}
                """);
        assertThat(outcomes).allMatch(ServiceOutcome::succeeded);
        List<String> j = node.journal();
        assertThat(j).containsSubsequence("start demo-db-1", "starting demo-db-1", "healthy demo-db-1",
                "start demo-web-1");
        assertThat(j.indexOf("start demo-web-1")).isGreaterThan(j.indexOf("healthy demo-db-1"));
        assertThat(events).contains(ProgressEvent.done("Container demo-db-1", "Healthy"),
                ProgressEvent.done("Container demo-web-1", "Started"));
    }

    /**
     * db only becomes healthy once worker has started; worker is two steps down an unrelated chain. An executor
     * that waits level by level (web's level before worker's) would never see db healthy.
     */
    @Test
    void servicesDoNotWaitForUnrelatedLevels() throws InterruptedException {
        FakeNode node = nodeWithImages().healthyOnceStarted("demo-db-1", "demo-worker-1", 5_000);
        var outcomes = up(node, """
                services:
                  db: {image: postgres, healthcheck: {test: [CMD, pg_isready]}}
                  web: {image: busybox, depends_on: {db: {condition: service_healthy}}}
                  cache: {image: busybox}
                  api: {image: busybox, depends_on: [cache]}
                  worker: {image: busybox, depends_on: [api]}
                """);
        assertThat(outcomes).allMatch(ServiceOutcome::succeeded);
        assertThat(node.journal()).containsSubsequence("start demo-worker-1", "healthy demo-db-1", "start demo-web-1");
    }

    @Test
    void anUnhealthyDependencyStopsItsDependentsAndSaysWhy() throws InterruptedException {
        FakeNode node = nodeWithImages().health("demo-db-1", 1, "unhealthy")
                .logs("demo-db-1", "booting", "FATAL: password authentication failed");
        var outcomes = up(node, """
                services:
                  db: {image: postgres, healthcheck: {test: [CMD, pg_isready]}}
                  web: {image: busybox, depends_on: {db: {condition: service_healthy}}}
                  front: {image: busybox, depends_on: [web]}
                  other: {image: busybox}
                """);
        assertThat(node.journal()).doesNotContain("start demo-web-1", "start demo-front-1").contains("start demo-other-1");
        ServiceOutcome web = outcomes.stream().filter(o -> o.service().equals("web")).findFirst().orElseThrow();
        assertThat(web.failure()).contains("web was not started", "db (demo-db-1) is unhealthy",
                "last probe exited 1: connection refused", "FATAL: password authentication failed");
        ServiceOutcome front = outcomes.stream().filter(o -> o.service().equals("front")).findFirst().orElseThrow();
        assertThat(front.failure()).contains("front was not started: dependency web failed");
    }

    @Test
    void runsArePreparedBeforeTheirDependenciesAreReadyAndUndoneWhenADependencyFails() throws InterruptedException {
        FakeNode node = nodeWithImages().health("demo-db-1", 2, "unhealthy");
        up(node, """
                services:
                  db: {image: postgres, healthcheck: {test: [CMD, pg_isready]}}
                  web: {image: busybox, depends_on: {db: {condition: service_healthy}}}
                  side: {image: busybox, network_mode: "service:db"}
                """);
        List<String> j = node.journal();
        assertThat(j).as("web's run is set up while db is still starting")
                .containsSubsequence("prepare demo-web-1", "unhealthy demo-db-1", "unprepare demo-web-1")
                .doesNotContain("start demo-web-1");
        assertThat(j).as("db waits for nothing: its start sets its run up").doesNotContain("prepare demo-db-1");
        assertThat(j).as("a container joining another's namespace is set up by its own start")
                .doesNotContain("prepare demo-side-1").contains("start demo-side-1");
        assertThat(node.byName().get("demo-web-1").state()).isEqualTo("created");
    }

    @Test
    void nothingIsPreparedWhenTheRunDoesNotStart() throws InterruptedException {
        FakeNode node = nodeWithImages();
        Desired d = Projects.load("services: {web: {image: busybox}}");
        var plan = Planner.plan(d, ObservedState.of(node, d.project()), PlanOptions.DEFAULTS.withStart(false));
        new Executor(node, 4, null, Pacing.every(Duration.ofMillis(1)), events::add).apply(plan);
        assertThat(node.journal()).contains("create demo-web-1").noneMatch(line -> line.startsWith("prepare"));
    }

    @Test
    void aFailedCompletionGivesTheExitCode() throws InterruptedException {
        FakeNode node = nodeWithImages().exits("demo-migrate-1", 3);
        var outcomes = up(node, """
                services:
                  migrate: {image: busybox}
                  app: {image: busybox, depends_on: {migrate: {condition: service_completed_successfully}}}
                """);
        assertThat(outcomes.get(1).failure()).contains("did not complete successfully: exit code 3");
        assertThat(node.journal()).doesNotContain("start demo-app-1");
    }

    @Test
    void aSuccessfulCompletionLetsTheDependentStart() throws InterruptedException {
        FakeNode node = nodeWithImages();
        up(node, """
                services:
                  migrate: {image: busybox}
                  app: {image: busybox, depends_on: {migrate: {condition: service_completed_successfully}}}
                """);
        assertThat(node.journal()).containsSubsequence("exited 0 demo-migrate-1", "start demo-app-1");
    }

    @Test
    void anOptionalDependencyThatFailsOnlyWarns() throws InterruptedException {
        FakeNode node = nodeWithImages().failsToStart("demo-extra-1", "port 80 is taken by nginx (pid 12)");
        var outcomes = up(node, """
                services:
                  extra: {image: busybox}
                  app: {image: busybox, depends_on: {extra: {condition: service_started, required: false}}}
                """);
        assertThat(node.journal()).contains("start demo-app-1");
        assertThat(outcomes.get(0).failure()).contains("port 80 is taken by nginx");
        assertThat(outcomes.get(1).succeeded()).isTrue();
        assertThat(events).anySatisfy(e -> assertThat(e.status()).isEqualTo(ProgressEvent.Status.WARNING));
    }

    @Test
    void resourcesAndPullsComeFirstAndTheImageIdIsLabelled() throws InterruptedException {
        FakeNode node = new FakeNode();
        up(node, "services: {app: {image: alpine}}\n");
        assertThat(node.journal()).containsExactly("create-network demo_default", "pull alpine", "create demo-app-1",
                "start demo-app-1");
        assertThat(node.byName().get("demo-app-1").labels()).containsKey(Labels.IMAGE);
    }

    @Test
    void aTakenPortFailsTheWholeUpBeforeAnythingIsCreated() {
        FakeNode node = new FakeNode().portTaken("8080", "process python3 (pid 42)").portTaken("9090", "process nc (pid 7)");
        assertThatThrownBy(() -> up(node, """
                services:
                  db: {image: postgres, volumes: [data:/var/lib/postgresql/data]}
                  web: {image: busybox, depends_on: [db], ports: ["8080:80"]}
                  admin: {image: busybox, ports: ["9090:90", "9191:91"]}
                volumes: {data: {}}
                """))
                .isInstanceOfSatisfying(SchedulerException.class, e -> assertThat(e.problem())
                        .startsWith("2 published ports are taken, so nothing was created or started:")
                        .contains("host port 0.0.0.0:8080 of mapping 8080:80/tcp is already in use by process python3 (pid 42)")
                        .contains("host port 0.0.0.0:9090 of mapping 9090:90/tcp is already in use by process nc (pid 7)")
                        .doesNotContain("9191"));
        assertThat(node.journal()).as("the check, then nothing: no network, volume, pull, create or start")
                .singleElement().asString().startsWith("check-ports ").contains("8080", "9090", "9191");
        assertThat(node.networkMap()).isEmpty();
        assertThat(node.volumeMap()).isEmpty();
        assertThat(node.byName()).isEmpty();
    }

    @Test
    void theContainersARunReplacesHandTheirPortsOnAndRunningOnesKeepThem() throws InterruptedException {
        FakeNode node = nodeWithImages();
        up(node, "services: {web: {image: busybox, ports: [\"8080:80\"]}}\n");
        String oldId = node.byName().get("demo-web-1").id();

        up(node, "services: {web: {image: busybox, ports: [\"8080:80\"], environment: {A: b}}}\n");
        assertThat(node.journal()).as("the recreated container's own port is free for its successor")
                .contains("check-ports 8080 replacing " + oldId, "remove demo-web-1").endsWith("start demo-web-1");

        assertThatThrownBy(() -> up(node, """
                services:
                  web: {image: busybox, ports: ["8080:80"], environment: {A: b}}
                  api: {image: busybox, ports: ["8080:81"]}
                """))
                .as("a running, unchanged container keeps its port").isInstanceOf(SchedulerException.class)
                .hasMessageContaining("8080:81/tcp is already in use by container demo-web-1");
        assertThat(node.byName()).containsOnlyKeys("demo-web-1");
    }

    @Test
    void aPlanThatKeepsEverythingRunningAsksTheNodeNothingAndReportsEachContainer() throws InterruptedException {
        FakeNode node = nodeWithImages();
        String yaml = """
                services:
                  db: {image: postgres, ports: ["5432:5432"]}
                  web: {image: busybox, depends_on: [db]}
                """;
        up(node, yaml);
        int asked = node.journal().size();
        events.clear();

        var outcomes = up(node, yaml);
        assertThat(outcomes).extracting(ServiceOutcome::service).containsExactly("db", "web");
        assertThat(outcomes).allMatch(ServiceOutcome::succeeded);
        assertThat(node.journal()).as("no port check, no request").hasSize(asked);
        assertThat(events).containsExactly(ProgressEvent.done("Container demo-db-1", "Running"),
                ProgressEvent.done("Container demo-web-1", "Running"));
    }

    @Test
    void aKeptDependencyWithAHealthConditionIsStillAwaited() throws InterruptedException {
        FakeNode node = nodeWithImages();
        String yaml = """
                services:
                  db: {image: postgres, healthcheck: {test: [CMD, pg_isready]}}
                  web: {image: busybox, depends_on: {db: {condition: service_healthy}}}
                """;
        node.health("demo-db-1", 1, "healthy");
        up(node, yaml);
        events.clear();

        assertThat(up(node, yaml)).allMatch(ServiceOutcome::succeeded);
        assertThat(events).contains(ProgressEvent.done("Container demo-db-1", "Healthy"));
    }

    @Test
    void createWithoutStartAsksNothing() throws InterruptedException {
        FakeNode node = nodeWithImages().portTaken("8080", "process python3 (pid 42)");
        Desired d = Projects.load("services: {web: {image: busybox, ports: [\"8080:80\"]}}\n");
        PlanOptions noStart = new PlanOptions(List.of(), false, PlanOptions.Recreate.DIVERGED, false, Map.of(), false, null, false);
        new Executor(node, 4, null, Pacing.NONE, events::add).apply(Planner.plan(d, ObservedState.of(node, d.project()), noStart));
        assertThat(node.journal()).containsExactly("create demo-web-1");
    }

    @Test
    void stopGoesInReverseOrderAndDownLeavesOtherProjectsAlone() throws InterruptedException {
        FakeNode node = nodeWithImages().volume("demo_data", Map.of(Labels.PROJECT, "demo"))
                .volume("keep_me", Map.of(Labels.PROJECT, "other"));
        node.add("other-web-1", "running", Map.of(Labels.PROJECT, "other", Labels.SERVICE, "web"));
        up(node, """
                services:
                  db: {image: postgres}
                  api: {image: busybox, depends_on: [db]}
                  web: {image: busybox, depends_on: [api]}
                """);
        Executor executor = new Executor(node, 2, Duration.ofSeconds(1), Pacing.NONE, events::add);
        var outcomes = new Down(null, false, true).run(node, executor, "demo", events::add);
        assertThat(outcomes).allMatch(ServiceOutcome::succeeded);
        assertThat(node.journal()).containsSubsequence("stop demo-web-1", "stop demo-api-1", "stop demo-db-1");
        assertThat(node.byName()).containsOnlyKeys("other-web-1");
        assertThat(node.networkMap()).isEmpty();
        assertThat(node.volumeMap()).containsOnlyKeys("keep_me");
    }

    @Test
    void withoutALimitOfParallelOperationsANodeThatChainsStopsGetsTheWholeWayDownInOneSequence()
            throws InterruptedException {
        FakeNode node = nodeWithImages().chainingStops();
        up(node, """
                services:
                  db: {image: postgres}
                  api: {image: busybox, depends_on: [db]}
                  web: {image: busybox, depends_on: [api]}
                """);
        events.clear();
        Executor executor = new Executor(node, 0, Duration.ofSeconds(1), Pacing.NONE, events::add);
        var outcomes = new Down(null, false, false).run(node, executor, "demo", events::add);
        assertThat(outcomes).allMatch(ServiceOutcome::succeeded);
        assertThat(node.journal()).containsSubsequence("sequence", "stop demo-web-1", "stop demo-api-1", "stop demo-db-1");
        assertThat(node.byName()).isEmpty();
        assertThat(node.networkMap()).isEmpty();
        assertThat(events).extracting(e -> e.subject() + " " + e.text()).containsSubsequence(
                "Container demo-web-1 Stopping", "Container demo-web-1 Stopped", "Container demo-web-1 Removed",
                "Container demo-db-1 Stopping", "Container demo-db-1 Stopped", "Container demo-db-1 Removed",
                "Network demo_default Removing", "Network demo_default Removed");
        // the project's network went in the same sequence, after every container: no request of its own
        assertThat(node.journal()).containsSubsequence("sequence", "remove demo-db-1", "remove-network demo_default");
        assertThat(node.journal().stream().filter(j -> j.startsWith("remove-network"))).hasSize(1);
    }

    @Test
    void networksTheSequenceCouldNotEvenListFailDown() throws InterruptedException {
        FakeNode node = nodeWithImages().chainingStops();
        up(node, "services: {a: {image: busybox}}\n");
        node.failingNetworkListing("the state is unreadable");
        Executor executor = new Executor(node, 0, null, Pacing.NONE, events::add);
        var outcomes = new Down(Set.of("a"), false, false).run(node, executor, "demo", events::add);
        assertThat(node.byName()).isEmpty();
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement().satisfies(o -> {
            assertThat(o.service()).isEqualTo("networks");
            assertThat(o.failure()).contains("the state is unreadable");
        });
    }

    @Test
    void aNetworkTheSequenceCouldNotRemoveFailsDownUnlessAKeptContainerStillUsesIt() throws InterruptedException {
        FakeNode node = nodeWithImages().chainingStops().refusingNetworkRemoval("network demo_default is busy");
        up(node, "services: {a: {image: busybox}, b: {image: busybox}}\n");
        Executor executor = new Executor(node, 0, null, Pacing.NONE, events::add);
        var kept = new Down(Set.of("a"), false, false).run(node, executor, "demo", events::add);
        assertThat(kept).allMatch(ServiceOutcome::succeeded);
        events.clear();
        var all = new Down(Set.of("a", "b"), false, false).run(node, executor, "demo", events::add);
        assertThat(all).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(o -> assertThat(o.failure()).contains("network demo_default is busy"));
        assertThat(events).extracting(e -> e.subject() + " " + e.text()).last().asString()
                .startsWith("Network demo_default").contains("busy");
    }

    @Test
    void downWithTheFileKeepsOrphansUnlessAsked() throws InterruptedException {
        FakeNode node = nodeWithImages();
        up(node, "services: {a: {image: busybox}, b: {image: busybox}}\n");
        Executor executor = new Executor(node, 2, null, Pacing.NONE, events::add);
        new Down(Set.of("a"), false, false).run(node, executor, "demo", events::add);
        assertThat(node.byName()).containsOnlyKeys("demo-b-1");
        new Down(Set.of("a"), true, false).run(node, executor, "demo", events::add);
        assertThat(node.byName()).isEmpty();
    }

    @Test
    void aNetworkThatCannotBeRemovedFailsDownUnlessAKeptContainerStillUsesIt() throws InterruptedException {
        FakeNode node = nodeWithImages().refusingNetworkRemoval("network demo_default is busy");
        up(node, "services: {a: {image: busybox}, b: {image: busybox}}\n");
        Executor executor = new Executor(node, 2, null, Pacing.NONE, events::add);
        var kept = new Down(Set.of("a"), false, false).run(node, executor, "demo", events::add);
        assertThat(kept).allMatch(ServiceOutcome::succeeded);
        var all = new Down(Set.of("a", "b"), false, false).run(node, executor, "demo", events::add);
        assertThat(all).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(o -> assertThat(o.failure()).contains("network demo_default is busy"));
    }
}
