// usage: java -cp 'POLYGLOT_JARS/*' layers/tools/PolyglotResources.java TARGET_DIR LANGUAGE_OR_COMPONENT...
//
// Unpacks the Truffle internal resources of the given components (e.g. "nfi" for what every language needs,
// "ruby" for TruffleRuby's home) into TARGET_DIR, with GraalVM's own Engine.copyResources, for
// scripts/build-layers. The layers ship them unpacked under /opt/polyglot/resources and the bootstrap points
// -Dpolyglot.engine.resourcePath at it: a cold start then unpacks nothing into /tmp (TruffleRuby's home is 52 MB,
// and unpacking it was ~700 ms of a Ruby function's first cold start in a new sandbox).
// Run in the JDK's source-file mode: a build-time tool, so it is not in any jar that ships.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.graalvm.polyglot.Engine;

public class PolyglotResources {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp 'POLYGLOT_JARS/*' PolyglotResources.java TARGET_DIR COMPONENT...");
            System.exit(2);
        }
        Path target = Path.of(args[0]);
        String[] components = Arrays.copyOfRange(args, 1, args.length);
        Files.createDirectories(target);
        if (!Engine.copyResources(target, components)) {
            System.err.println("PolyglotResources: GraalVM copied nothing for " + String.join(",", components)
                    + " into " + target + " (resources are not copyable in this configuration)");
            System.exit(1);
        }
    }
}
