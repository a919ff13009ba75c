// usage: java -cp 'POLYGLOT_JARS/*' -Dorg.graalvm.language.ruby.home=HOME layers/tools/TruffleRubyScript.java DIR SCRIPT [ARG...]
//
// Runs SCRIPT with TruffleRuby, from the polyglot jars, with every access open; DIR is the context's working
// directory (run it from DIR too: TruffleRuby writes files through native calls, relative to the process's):
// scripts/build-layers runs the openssl extension's extconf.rb with it (mkmf needs TruffleRuby's own RbConfig to
// write a Makefile for TruffleRuby). The JDK's source-file mode: a build-time tool, in no jar that ships.

import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

public class TruffleRubyScript {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp 'POLYGLOT_JARS/*' TruffleRubyScript.java DIR SCRIPT [ARG...]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path script = dir.resolve(args[1]);
        String[] rubyArgs = java.util.Arrays.copyOfRange(args, 2, args.length);
        try (Context context = Context.newBuilder("ruby").allowAllAccess(true).allowExperimentalOptions(true)
                .option("ruby.single-threaded", "false").arguments("ruby", rubyArgs)
                .currentWorkingDirectory(dir).build()) {
            context.eval(Source.newBuilder("ruby", script.toFile()).build());
        } catch (PolyglotException e) {
            if (e.isExit()) {
                System.exit(e.getExitStatus());
            }
            System.err.println(script + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
