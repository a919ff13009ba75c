package example.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers two org.crac resources at init, as a SnapStart function does, and answers with the hooks that ran
 * so far, in order. With {@code CRAC_FAIL_ONCE=FILE}, the afterRestore of "second" throws when FILE does not exist
 * yet (and creates it): the first start fails its restore, the next one works. With {@code CRAC_FAIL_BEFORE=true},
 * the beforeCheckpoint of "first" throws.
 */
public class CracHooks implements RequestHandler<Object, List<String>> {
    private static final List<String> CALLS = new ArrayList<>();
    private static final Resource FIRST = new Hook("first");
    private static final Resource SECOND = new Hook("second");

    static {
        Core.getGlobalContext().register(FIRST);
        Core.getGlobalContext().register(SECOND);
    }

    @Override
    public List<String> handleRequest(Object input, Context context) {
        synchronized (CALLS) {
            return new ArrayList<>(CALLS);
        }
    }

    private record Hook(String name) implements Resource {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            record("beforeCheckpoint " + name);
            if (name.equals("first") && "true".equals(System.getenv("CRAC_FAIL_BEFORE"))) {
                throw new IllegalStateException("the connection pool cannot be closed");
            }
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) throws IOException {
            record("afterRestore " + name);
            String failOnce = System.getenv("CRAC_FAIL_ONCE");
            if (failOnce != null && name.equals("second") && !Files.exists(Path.of(failOnce))) {
                Files.createFile(Path.of(failOnce));
                throw new IllegalStateException("cannot reconnect to the database after the restore");
            }
        }

        private static void record(String call) {
            System.out.println("hook: " + call);
            synchronized (CALLS) {
                CALLS.add(call);
            }
        }
    }
}
