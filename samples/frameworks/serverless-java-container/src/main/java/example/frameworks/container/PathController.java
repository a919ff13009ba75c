package example.frameworks.container;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** An ordinary Spring MVC controller: what the request looked like once the container handler made it. */
@RestController
public class PathController {

    @RequestMapping(path = "/my/path", method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Map<String, Object>> describe(@RequestParam Map<String, String> query,
                                                        @RequestHeader(name = "Header1", required = false) String header1,
                                                        @RequestBody(required = false) String body,
                                                        jakarta.servlet.http.HttpServletRequest request) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", request.getMethod());
        out.put("path", request.getRequestURI());
        out.put("query", query);
        out.put("header1", header1);
        out.put("body", body);
        return ResponseEntity.ok().header("X-Served-By", "spring-mvc").body(out);
    }
}
