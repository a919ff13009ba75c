package dev.lambdabridge.bridge.polyglot.modules;

import static dev.lambdabridge.bridge.polyglot.modules.LoaderFixture.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * ES modules through GraalJS with the loader resolving every import (exports with the import condition, imports,
 * CommonJS and JSON facades, built-ins, createRequire, dynamic import): also pins GraalJS's ES module lookup hook.
 */
class EsModuleResolutionTest {
    @Test
    void anEsModuleImportsPackagesCommonJsJsonAndBuiltIns() {
        try (LoaderFixture fixture = new LoaderFixture()) {
            Value state = fixture.loader.invokeMember("loadMain", APP.resolve("esm-main.mjs").toString());
            assertEquals(true, state.getMember("settled").asBoolean(), "no timers: settled by the microtasks");
            assertEquals(false, state.getMember("failed").asBoolean(), () -> state.getMember("error").toString());
            Value result = state.getMember("value").getMember("result");
            assertEquals("app", result.getMember("cjsName").asString());
            assertEquals("app", result.getMember("name").asString());
            assertEquals("esm-default", result.getMember("esm").asString());
            assertEquals("esm", result.getMember("format").asString());
            assertEquals("feature a (esm)", result.getMember("feature").asString());
            assertEquals("scoped default", result.getMember("scoped").asString());
            assertEquals("esm via type module", result.getMember("named").asString());
            assertEquals("scoped sub", result.getMember("sub").asString());
            assertEquals("cond-pkg esm", result.getMember("cond").asString());
            assertEquals("legacy index", result.getMember("legacy").asString());
            assertEquals(true, result.getMember("util").asBoolean());
            assertEquals(3, result.getMember("settings").getMember("level").asInt());
            assertEquals("cond-pkg cjs", result.getMember("required").asString());
            assertEquals("entry", result.getMember("dynamic").asString(), "import() of a CommonJS package");
            assertEquals("function", result.getMember("builtin").asString(), "a built-in's named export");
            assertEquals("function", result.getMember("builtinDefault").asString(), "a built-in as default export");
            assertEquals("file://" + APP.resolve("esm-main.mjs"),
                    result.getMember("url").asString());
        }
    }

    @Test
    void importMetaHasNodesDirnameFilenameAndResolve() {
        try (LoaderFixture fixture = new LoaderFixture()) {
            Value state = fixture.loader.invokeMember("loadMain", APP.resolve("meta.mjs").toString());
            assertEquals(false, state.getMember("failed").asBoolean(), () -> state.getMember("error").toString());
            Value meta = state.getMember("value").getMember("meta");
            assertEquals(APP.toString(), meta.getMember("dirname").asString());
            assertEquals(APP.resolve("meta.mjs").toString(), meta.getMember("filename").asString());
            assertEquals("file://" + APP.resolve("fixture_modules/cond-pkg/esm.mjs").toString()
                    .replace("fixture_modules", "node_modules"), meta.getMember("resolved").asString());
            assertEquals("node:events", meta.getMember("builtin").asString());
            // the prologue shares the module's first line (after #!): its line numbers are the file's
            assertTrue(meta.getMember("line").asString().contains("meta.mjs:3:"), meta.getMember("line").asString());
        }
    }
}
