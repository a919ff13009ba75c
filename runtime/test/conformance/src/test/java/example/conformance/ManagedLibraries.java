package example.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the classes on the managed runtime's class path the function can load without bundling them, and from
 * which jar: the names of the {@code input} list are tried with the function's class loader.
 */
public class ManagedLibraries implements RequestHandler<Map<String, List<String>>, Map<String, String>> {
    @Override
    public Map<String, String> handleRequest(Map<String, List<String>> input, Context context) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : input.get("classes")) {
            try {
                Class<?> c = Class.forName(name, false, ManagedLibraries.class.getClassLoader());
                var source = c.getProtectionDomain().getCodeSource();
                out.put(name, source == null ? "(no code source)" : source.getLocation().getPath().replaceAll(".*/", ""));
            } catch (ClassNotFoundException | LinkageError e) {
                out.put(name, "not visible: " + e);
            }
        }
        return out;
    }
}
