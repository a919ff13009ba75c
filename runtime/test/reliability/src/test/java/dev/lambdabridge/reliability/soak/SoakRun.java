package dev.lambdabridge.reliability.soak;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One soak: hosts the functions on a real emulator (127.0.0.1, ephemeral ports), runs a warm-up round (every
 * fault of every function once, so that heaps, pools and restarts have all happened before the baseline),
 * runs a tenth of the seeded mix (heaps and pools reach their working size), takes the baseline (threads and
 * descriptors of this JVM; pid, threads, descriptors and RSS of each runtime that must survive), runs the rest
 * of the mix on as many caller threads per function as its concurrency (with an RSS reading half-way, and the
 * RSS of the surviving runtimes sampled all along), and checks what is left: processes, threads, descriptors,
 * memory, the invocations that ended with another's fault (their rule: {@link Tally#settleCollateral}), and one
 * REPORT line per served invocation. Closes the emulator and checks that no process of the run is left.
 */
final class SoakRun {
    /** Thread and descriptor counts may move by this much (pools, keep-alive connections) without a leak. */
    static final int LEAK_SLACK = 8;
    /**
     * How long the run waits without traffic before it counts threads again when a runtime has more than the
     * slack: the process bridge's output pumps and the JDK's process reaper are cached thread pools, whose idle
     * threads end after 60 s, and with several invocations at once they hold as many threads as the last minute's
     * peak. A leaked thread is still there after this wait; a pooled one is not.
     */
    static final long POOLS_IDLE_MILLIS = 65_000;

    /**
     * @param concurrency every function's maxConcurrency, and how many callers invoke each function at once
     * @param layers      where the layer zips are (layers/target) to run each runtime from them in a mount
     *                    namespace ({@link MountNamespace}); null: from {@code bootstrap} (layers/dist)
     * @param logCopy     a file for a copy of the whole log, or null
     * @param rssChart    a file for the chart of the sampled RSS ({@link RssChart}, SVG), or null
     * @param nativeMemory every runtime with Native Memory Tracking ({@code -XX:NativeMemoryTracking=summary}),
     *                    read at the baseline, half-way and at the end
     */
    record Options(long invocations, long seed, Duration maxWall, Path bootstrap, Path javaFunction, Path resources,
                   Path shims, Path work, int concurrency, Path layers, Path logCopy, Path rssChart,
                   boolean nativeMemory) {
        Options(long invocations, long seed, Duration maxWall, Path bootstrap, Path javaFunction, Path resources,
                Path shims, Path work) {
            this(invocations, seed, maxWall, bootstrap, javaFunction, resources, shims, work, 1, null, null, null,
                    false);
        }
    }

    private SoakRun() {
    }

    static SoakReport run(Options options) throws Exception {
        long started = System.nanoTime();
        String marker = "soak-" + options.seed() + "-" + ProcessHandle.current().pid() + "-" + started;
        MountNamespace layers = options.layers() == null ? null : new MountNamespace(options.layers(),
                java.nio.file.Files.createDirectories(options.work().resolve("layers")),
                options.resources().resolve("soak/layers/in-namespace.sh"));
        List<SoakFunction> functions = SoakFunctions.create(options.bootstrap(), options.javaFunction(),
                options.resources(), options.shims(), options.work(), marker, options.concurrency(), layers,
                options.nativeMemory());
        long self = ProcessHandle.current().pid();
        RuntimeSnapshot jvmBefore = RuntimeSnapshot.of(self);
        java.util.Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        LogCounter log = new LogCounter(options.logCopy());
        Tally tally = new Tally();
        SoakReport.Builder report = new SoakReport.Builder(options, functions);
        Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log));
        PauseDetector pauses = new PauseDetector();
        try {
            functions.forEach(f -> emulator.addFunction(f.config()));
            Map<SoakFunction, Invoker> invokers = new LinkedHashMap<>();
            Map<SoakFunction, List<Random>> callers = new LinkedHashMap<>();
            for (SoakFunction function : functions) {
                Invoker invoker = new Invoker(emulator, function, tally, log, options.seed());
                invokers.put(function, invoker);
                List<Random> randoms = new ArrayList<>();
                for (int i = 0; i < options.concurrency(); i++) {
                    randoms.add(invoker.random(i));
                }
                callers.put(function, randoms);
            }
            warmUp(invokers, callers);
            long deadline = started + options.maxWall().toNanos();
            // a tenth of the run before the baseline: heaps and pools reach their working size first
            runMix(invokers, callers, options.invocations() / 10, deadline);
            Map<String, RuntimeSnapshot> baseline = snapshots(invokers, options.nativeMemory());
            RuntimeSnapshot jvmBaseline = RuntimeSnapshot.of(self);
            report.baseline(jvmBaseline, heldByRuntimes(emulator), baseline);
            boolean complete;
            try (RssSampler rss = new RssSampler(() -> survivors(invokers))) {
                complete = runMix(invokers, callers, options.invocations() * 45 / 100, deadline);
                report.middle(snapshots(invokers, options.nativeMemory()));
                long remaining = Math.max(0, options.invocations() - tally.invocations.sum());
                complete &= runMix(invokers, callers, remaining, deadline);
                rss.close();
                report.rss(rss.series());
                if (options.rssChart() != null) {
                    RssChart.write(options.rssChart(), "Runtime RSS, " + options.invocations() + " invocations at "
                            + "concurrency " + options.concurrency() + (options.layers() == null ? "" : ", from the layers")
                            + " (seed " + options.seed() + ")", rss.series());
                }
            }
            Thread.sleep(1_000); // kills and restarts in flight settle
            Map<String, RuntimeSnapshot> end = snapshots(invokers, options.nativeMemory());
            RuntimeSnapshot jvmEnd = RuntimeSnapshot.of(self);
            int held = heldByRuntimes(emulator);
            if (threadsAboveSlack(baseline, end)) {
                Thread.sleep(POOLS_IDLE_MILLIS);
                end = snapshots(invokers, options.nativeMemory());
                jvmEnd = RuntimeSnapshot.of(self);
                held = heldByRuntimes(emulator);
            }
            report.end(jvmEnd, held, end, complete);
            tally.settleCollateral(log);
            checkProcesses(invokers, marker, report);
            checkReports(tally, log, report);
        } finally {
            pauses.close();
            report.stalls(pauses.pauses(), log.longestWait());
            emulator.close();
            log.closeCopy();
        }
        report.afterClose(leftAfterClose(marker), RuntimeSnapshot.of(self), jvmBefore,
                threadsLeft(threadsBefore));
        return report.build(tally, (System.nanoTime() - started) / 1e9, log.tail());
    }

    /**
     * Each function: one answer (the cold starts one after another: eight JVMs starting at once on two cores can
     * take a healthy first invocation past its timeout), then, all at once, every fault of its mix once and one
     * answer again.
     */
    private static void warmUp(Map<SoakFunction, Invoker> invokers, Map<SoakFunction, List<Random>> callers)
            throws InterruptedException {
        invokers.forEach((function, invoker) -> invoker.invoke(function.faults().getFirst(),
                callers.get(function).getFirst()));
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<SoakFunction, Invoker> entry : invokers.entrySet()) {
            Random random = callers.get(entry.getKey()).getFirst();
            threads.add(Thread.ofPlatform().name("soak-warmup-" + entry.getKey().name()).start(() -> {
                Fault ok = entry.getKey().faults().getFirst();
                entry.getKey().faults().forEach(fault -> entry.getValue().invoke(fault, random));
                entry.getValue().invoke(ok, random);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /**
     * The seeded mix, each function's share on as many threads as it has callers (each with its own seeded
     * random numbers); false when the time limit stopped it.
     */
    private static boolean runMix(Map<SoakFunction, Invoker> invokers, Map<SoakFunction, List<Random>> callers,
                                  long total, long deadlineNanos) throws InterruptedException {
        int shares = invokers.keySet().stream().mapToInt(SoakFunction::share).sum();
        AtomicBoolean cut = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long assigned = 0;
        List<SoakFunction> order = List.copyOf(invokers.keySet());
        for (int i = 0; i < order.size(); i++) {
            SoakFunction function = order.get(i);
            long count = i == order.size() - 1 ? total - assigned : total * function.share() / shares;
            assigned += count;
            Invoker invoker = invokers.get(function);
            List<Random> randoms = callers.get(function);
            for (int c = 0; c < randoms.size(); c++) {
                Random random = randoms.get(c);
                long mine = count / randoms.size() + (c < count % randoms.size() ? 1 : 0);
                threads.add(Thread.ofPlatform().name("soak-" + function.name() + "-" + c).start(() -> {
                    for (long n = 0; n < mine; n++) {
                        if (System.nanoTime() - deadlineNanos > 0) {
                            cut.set(true);
                            return;
                        }
                        invoker.invokeDrawn(random);
                    }
                }));
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return !cut.get();
    }

    /**
     * The emulator's descriptors that its live runtime processes explain: the read ends of each one's stdout and
     * stderr, and the other end of each of its connections to the Runtime API (a runtime with C invoke loops holds
     * C). A function whose runtime restarts (java-fatal) may have one at the baseline and none at the end, or the
     * reverse: at a concurrency of 64 that is 66 descriptors, which are not the emulator's to leak.
     */
    private static int heldByRuntimes(Emulator emulator) {
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        emulator.functionNames().forEach(name -> ports.add(emulator.runtimeApiPort(name)));
        int held = 0;
        for (long pid : emulator.runtimePids()) {
            if (!ProcFs.alive(pid)) {
                continue;
            }
            held += 2;
            List<Long> tree = new ArrayList<>(ProcFs.descendants(pid));
            tree.add(pid);
            for (long process : tree) {
                held += ProcFs.connectionsTo(process, ports);
            }
        }
        return held;
    }

    private static boolean threadsAboveSlack(Map<String, RuntimeSnapshot> baseline,
                                             Map<String, RuntimeSnapshot> end) {
        return end.entrySet().stream().anyMatch(e -> baseline.containsKey(e.getKey())
                && e.getValue().threads() - baseline.get(e.getKey()).threads() > LEAK_SLACK);
    }

    /** The runtimes that must serve the whole run, by function. */
    private static Map<String, Long> survivors(Map<SoakFunction, Invoker> invokers) {
        Map<String, Long> pids = new LinkedHashMap<>();
        invokers.forEach((function, invoker) -> {
            if (function.survives() && invoker.lastPid > 0) {
                pids.put(function.name(), invoker.lastPid);
            }
        });
        return pids;
    }

    private static Map<String, RuntimeSnapshot> snapshots(Map<SoakFunction, Invoker> invokers,
                                                          boolean nativeMemory) {
        Map<String, RuntimeSnapshot> snapshots = new LinkedHashMap<>();
        invokers.forEach((function, invoker) -> {
            if (function.survives() && invoker.lastPid > 0) {
                snapshots.put(function.name(), RuntimeSnapshot.ofJvm(invoker.lastPid, nativeMemory));
            }
        });
        return snapshots;
    }

    /**
     * Between invocations a runtime has no process below it but its worker, and every process carrying the
     * run's marker is a live runtime or below one.
     */
    private static void checkProcesses(Map<SoakFunction, Invoker> invokers, String marker,
                                       SoakReport.Builder report) {
        List<Long> expected = new ArrayList<>();
        invokers.forEach((function, invoker) -> {
            long pid = invoker.lastPid;
            if (pid <= 0 || !ProcFs.alive(pid)) {
                return;
            }
            expected.add(pid);
            List<Long> below = ProcFs.descendants(pid);
            expected.addAll(below);
            if (below.size() > function.maxDescendants()) {
                report.leakedProcesses(function.name() + ": " + below.size() + " processes below runtime " + pid
                        + " between invocations (at most " + function.maxDescendants() + "): " + below,
                        below.size() - function.maxDescendants());
            }
        });
        List<Long> stray = new ArrayList<>(ProcFs.withEnvironment(SoakFunctions.MARKER, marker));
        stray.removeAll(expected);
        if (!stray.isEmpty()) {
            report.leakedProcesses("processes of the run outside every live runtime: " + stray, stray.size());
        }
    }

    /** Every invocation that reached a runtime has exactly one REPORT line; the log has no REPORT for others. */
    private static void checkReports(Tally tally, LogCounter log, SoakReport.Builder report) {
        Map<String, Integer> reports = log.reports();
        for (String requestId : tally.served) {
            int count = reports.getOrDefault(requestId, 0);
            if (count == 0) {
                tally.lost.increment();
                tally.example("no REPORT line for " + requestId);
            } else if (count > 1) {
                tally.duplicated.increment();
                tally.example(count + " REPORT lines for " + requestId);
            }
        }
        long unknown = reports.keySet().stream().filter(id -> !tally.served.contains(id)).count();
        if (unknown > 0) {
            tally.duplicated.add(unknown);
            tally.example(unknown + " REPORT lines for request ids no caller got a result for");
        }
    }

    /**
     * Threads started since {@code before} and still alive after the emulator closed, except the JDK's shared
     * pools (the common ForkJoinPool, virtual threads' carriers, the process reaper), which outlive any user, and
     * one {@code java.net.http} selector: the emulator's Telemetry API client is one static HttpClient per JVM.
     */
    private static List<String> threadsLeft(java.util.Set<Thread> before) throws InterruptedException {
        List<String> left = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> names = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive()).map(Thread::getName)
                    .filter(name -> !name.startsWith("ForkJoinPool") && !name.equals("process reaper")
                            && !name.startsWith("VirtualThread-") && !name.startsWith("InnocuousThread")
                            && !name.startsWith("CompletableFuture"))
                    .sorted().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            names.stream().filter(name -> name.matches("HttpClient-\\d+-SelectorManager")).findFirst()
                    .ifPresent(names::remove);
            left = names;
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return left;
    }

    /** Processes of the run still alive a few seconds after the emulator closed. */
    private static List<Long> leftAfterClose(String marker) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        List<Long> left = ProcFs.withEnvironment(SoakFunctions.MARKER, marker);
        while (!left.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            left = ProcFs.withEnvironment(SoakFunctions.MARKER, marker);
        }
        return left;
    }
}
