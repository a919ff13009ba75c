package dev.lambdabridge.bridge.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.runtime.errors.HandlerFault;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerNamesTest {

    @Test
    void jsNamesSplitModuleAndExportPath() {
        assertEquals(new JsHandlerName("index.handler", "index", List.of("handler")), JsHandlerName.parse("index.handler"));
        JsHandlerName nested = JsHandlerName.parse("src/v1.2/app.api.get");
        assertEquals("src/v1.2/app", nested.module());
        assertEquals(List.of("api", "get"), nested.exportPath());
    }

    @Test
    void badJsNamesAreMalformedHandlerNames() {
        for (String bad : List.of("index", "index.", ".handler", "/abs/index.handler", "../up.handler",
                "index.handler.", "index.api.get.")) {
            HandlerFault fault = assertThrows(HandlerFault.class, () -> JsHandlerName.parse(bad), bad);
            assertEquals("Runtime.MalformedHandlerName", fault.errorType());
            assertTrue(fault.getMessage().contains("js:" + bad), fault.getMessage());
        }
    }

    @Test
    void rubyNamesTakeAFileAnOptionalConstantAndAMethod() {
        RubyHandlerName simple = RubyHandlerName.parse("function.handler");
        assertEquals("function", simple.file());
        assertNull(simple.constant());
        assertEquals("handler", simple.method());
        RubyHandlerName nested = RubyHandlerName.parse("lib/app.Module::Class.method");
        assertEquals("lib/app", nested.file());
        assertEquals("Module::Class", nested.constant());
        assertEquals("method", nested.method());
    }

    @Test
    void badRubyNamesAreMalformedHandlerNames() {
        for (String bad : List.of("function", "a.b.c.d", "function.", "/abs/f.handler", "../f.handler")) {
            HandlerFault fault = assertThrows(HandlerFault.class, () -> RubyHandlerName.parse(bad), bad);
            assertEquals("Runtime.MalformedHandlerName", fault.errorType());
        }
    }
}
