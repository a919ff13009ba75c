package dev.lambdabridge.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The ruby-stdlib suite's findings in the one result format: the table, the goals (the optimizing runtime's warm
 * in-process cost at most CRuby's; each bridge configuration's cold start at most 3 s), where CRuby wins, and the
 * three panels of {@link GuestSamples}.
 */
final class RubyStdlibReport {
    static final double COLD_GOAL_MS = 3000;
    static final double WARM_GOAL_RATIO = 1.0;

    private RubyStdlibReport() {
    }

    static Report of(RubyStdlibBenchmark.Results r) {
        GuestSamples samples = r.samples();
        String group = samples.groups.keySet().iterator().next();
        List<Goal> goals = new ArrayList<>();
        goals.add(NpmReport.ratioGoal("warm in-process cost, ruby: bridge, optimizing / CRuby",
                samples.get(group, "ruby: bridge, optimizing").inProcess(0),
                samples.get(group, RubyStdlibBenchmark.CRUBY).inProcess(0), WARM_GOAL_RATIO, "us"));
        samples.groups.get(group).forEach((competitor, s) -> {
            if (!competitor.equals(RubyStdlibBenchmark.CRUBY)) {
                goals.add(new Goal("cold start, " + competitor, s.cold(), "ms", "<=", COLD_GOAL_MS, ""));
            }
        });
        List<String> about = List.of("the handler: src/polyglot/ruby-stdlib/stdlib_handler.rb (an API Gateway order "
                        + "body through json, time, digest, openssl, base64, securerandom, set); the bridge from "
                        + "layers/target/layers as Lambda unpacks them; the client: `" + r.options().rubyRic() + "`",
                r.options().counts());
        return new Report("ruby-stdlib", "lambda-bridge: a Ruby stdlib handler on the ruby: bridge beside AWS's Ruby "
                + "runtime client on CRuby", r.environment(), r.options().quick(), about, List.of(
                        samples.table("Results", RubyStdlibBenchmark.CRUBY, "Medians; ratios to CRuby's."),
                        PolyglotReport.wins(samples, RubyStdlibBenchmark.CRUBY, RubyStdlibBenchmark.CRUBY)),
                goals, samples.panels());
    }
}
