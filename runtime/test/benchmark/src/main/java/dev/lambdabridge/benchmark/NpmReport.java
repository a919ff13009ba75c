package dev.lambdabridge.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The npm suite's findings in the one result format: the table, the goals (the optimizing runtime's in-process
 * cost at most Node.js's for the lodash and AWS SDK handlers; every bridge configuration's cold start at most 3
 * times Node.js's), where Node.js wins, and the three panels of {@link GuestSamples}.
 */
final class NpmReport {
    static final double IN_PROCESS_RATIO = 1.0;
    static final double COLD_RATIO = 3.0;

    private NpmReport() {
    }

    static Report of(NpmBenchmark.Results r) {
        GuestSamples samples = r.samples();
        String node = r.competitors().getLast().label();
        String optimizing = r.competitors().get(1).label();
        List<Goal> goals = new ArrayList<>();
        for (NpmBenchmark.Handler h : NpmBenchmark.HANDLERS.subList(1, NpmBenchmark.HANDLERS.size())) {
            goals.add(ratioGoal(h.label() + ": warm in-process cost, " + optimizing + " / Node.js",
                    samples.get(h.label(), optimizing).inProcess(0), samples.get(h.label(), node).inProcess(0),
                    IN_PROCESS_RATIO, "us"));
        }
        for (NpmBenchmark.Handler h : NpmBenchmark.HANDLERS) {
            for (NpmCompetitor c : r.competitors().subList(0, 2)) {
                goals.add(ratioGoal(h.label() + ": cold start, " + c.label() + " / Node.js",
                        samples.get(h.label(), c.label()).cold(), samples.get(h.label(), node).cold(), COLD_RATIO,
                        "ms"));
            }
        }
        List<String> about = List.of("handlers of bridge/polyglot/src/test/npm/functions; the AWS SDK handler calls "
                        + "dynalite on 127.0.0.1 (DescribeTable, PutItem, GetItem per invocation), with a twentieth "
                        + "of the calls",
                "in-process: the bridge's handle() (WarmCalls), or in Node.js the handler awaited with JSON parse "
                        + "and stringify (src/polyglot/node-warm-calls.mjs)",
                r.options().counts());
        List<Table> tables = List.of(samples.table("Results", node, "Cold start: the emulator's invoke (which "
                        + "starts the runtime process) to the first response. Ratios to Node.js's figure."),
                PolyglotReport.wins(samples, node, node));
        return new Report("npm", "lambda-bridge: npm handlers on the js: bridge beside AWS's Node.js runtime client",
                r.environment(), r.options().quick(), about, tables, goals, samples.panels());
    }

    static Goal ratioGoal(String name, Double ours, Double theirs, double target, String unit) {
        return new Goal(name, Goal.ratio(ours, theirs), "x", "<=", target, ours == null || theirs == null
                ? "not measured (a run failed)" : Table.f1(ours) + " " + unit + " vs " + Table.f1(theirs) + " " + unit);
    }
}
