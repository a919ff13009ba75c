package example.frameworks.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;

import java.util.LinkedHashMap;
import java.util.Map;

/** An ordinary Micronaut controller: what the request looked like once the API proxy made it. */
@Controller("/my/path")
public class PathController {

    @Get
    public HttpResponse<Map<String, Object>> get(HttpRequest<?> request, @Nullable @Header("Header1") String header1) {
        return describe(request, header1, null);
    }

    @Post(consumes = "*/*")
    public HttpResponse<Map<String, Object>> post(HttpRequest<?> request, @Nullable @Header("Header1") String header1,
                                                  @Nullable @Body String body) {
        return describe(request, header1, body);
    }

    private static HttpResponse<Map<String, Object>> describe(HttpRequest<?> request, String header1, String body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", request.getMethodName());
        out.put("path", request.getPath());
        out.put("query", request.getParameters().asMap());
        out.put("header1", header1);
        out.put("body", body);
        return HttpResponse.ok(out).header("X-Served-By", "micronaut");
    }
}
