package dev.lambdabridge.bridge.polyglot.modules;

import static dev.lambdabridge.bridge.polyglot.modules.LoaderFixture.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** require() and require.resolve as Node 22 resolves them, on the fixture app in src/test/resources/modules. */
class CommonJsResolutionTest {
    private static LoaderFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new LoaderFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String resolved(String request) {
        return fixture.resolve("index.js", request).asString();
    }

    @Test
    void relativePathsTryTheExtensionsThenIndex() {
        assertEquals(APP.resolve("lib/util.js").toString(), resolved("./lib/util"));
        assertEquals(APP.resolve("lib/index.js").toString(), resolved("./lib"));
        assertEquals(APP.resolve("data/settings.json").toString(), resolved("./data/settings"));
        assertEquals(APP.resolve("index.js").toString(), resolved(APP.resolve("index").toString()));
    }

    @Test
    void theWrapperGivesFilenameDirnameAndModule() {
        Value util = fixture.require("index.js", "./lib/util");
        assertEquals(APP.resolve("lib/util.js").toString(), util.getMember("filename").asString());
        assertEquals(APP.resolve("lib").toString(), util.getMember("dirname").asString());
        assertEquals(APP.resolve("lib/util.js").toString(), util.getMember("id").asString());
        assertTrue(fixture.require("index.js", "./lib/util").equals(util), "cached: the same exports");
    }

    @Test
    void packageMainAndLegacyIndex() {
        assertEquals("entry", fixture.require("index.js", "main-pkg").getMember("main").asString());
        assertEquals("extra", fixture.require("index.js", "main-pkg/lib/extra").asString());
        assertEquals("legacy index", fixture.require("lib/util.js", "legacy-dir").asString());
    }

    @Test
    void exportsWithTheNodeAndRequireConditions() {
        assertEquals("node-require", fixture.require("index.js", "exports-pkg").getMember("kind").asString());
        assertEquals("feature a (cjs)", fixture.require("index.js", "exports-pkg/feature/a").asString());
        assertEquals("cond-pkg cjs", fixture.require("index.js", "cond-pkg").asString());
        assertEquals("scoped sub", fixture.require("index.js", "@scope/scoped/sub").getMember("sub").asString());
        assertEquals(APP.resolve("node_modules/exports-pkg/package.json").toString(),
                resolved("exports-pkg/package.json"));
    }

    @Test
    void exportsRefuseWhatTheyDoNotList() {
        Value hidden = LoaderFixture.thrown(() -> resolved("exports-pkg/dist/cjs/index.js"));
        assertEquals("ERR_PACKAGE_PATH_NOT_EXPORTED", hidden.getMember("code").asString());
        assertEquals("Package subpath './dist/cjs/index.js' is not defined by \"exports\" in "
                + APP.resolve("node_modules/exports-pkg/package.json") + " imported from " + APP.resolve("index.js"),
                hidden.getMember("message").asString());
        Value nulled = LoaderFixture.thrown(() -> resolved("exports-pkg/feature/internal/x"));
        assertEquals("ERR_PACKAGE_PATH_NOT_EXPORTED", nulled.getMember("code").asString());
        Value noCondition = LoaderFixture.thrown(() -> resolved("exports-pkg/browser-only"));
        assertEquals("ERR_PACKAGE_PATH_NOT_EXPORTED", noCondition.getMember("code").asString());
    }

    @Test
    void importsAndSelfReference() {
        assertTrue(fixture.require("lib/self.js", "#util").getMember("util").asBoolean());
        assertEquals(3, fixture.require("index.js", "#conf/settings").getMember("level").asInt());
        assertEquals("node-require", fixture.require("index.js", "#dep").getMember("kind").asString());
        assertEquals("self", fixture.require("index.js", "app/self").asString());
        Value undefinedImport = LoaderFixture.thrown(() -> resolved("#nothing"));
        assertEquals("ERR_PACKAGE_IMPORT_NOT_DEFINED", undefinedImport.getMember("code").asString());
    }

    @Test
    void aMissingModuleFailsAsNodeSaysIt() {
        Value error = LoaderFixture.thrown(() -> fixture.require("lib/util.js", "no-such-package"));
        assertEquals("MODULE_NOT_FOUND", error.getMember("code").asString());
        assertEquals("Cannot find module 'no-such-package'\nRequire stack:\n- " + APP.resolve("lib/util.js"),
                error.getMember("message").asString());
    }

    @Test
    void builtInsComeFromTheRegistryWithOrWithoutThePrefix() {
        assertTrue(fixture.require("index.js", "events").hasMember("EventEmitter"));
        assertEquals("read", fixture.require("index.js", "node:fs/promises").getMember("readFile").execute().asString());
        assertEquals("events", resolved("events"));
        Value unknown = LoaderFixture.thrown(() -> fixture.require("index.js", "node:nope"));
        assertEquals("ERR_UNKNOWN_BUILTIN_MODULE", unknown.getMember("code").asString());
        assertEquals("No such built-in module: node:nope", unknown.getMember("message").asString());
        Value notBuiltIn = LoaderFixture.thrown(() -> fixture.require("index.js", "querystring"));
        assertEquals("Cannot find module 'querystring'\nRequire stack:\n- " + APP.resolve("index.js"),
                notBuiltIn.getMember("message").asString());
        assertTrue(fixture.require("index.js", "module").getMember("builtinModules").hasArrayElements());
    }

    @Test
    void requireResolvePathsAndTheCache() {
        Value require = fixture.loader.invokeMember("makeRequire", APP.resolve("lib/util.js").toString());
        Value paths = require.getMember("resolve").getMember("paths").execute("x");
        assertEquals(APP.resolve("lib/node_modules").toString(), paths.getArrayElement(0).asString());
        assertEquals("/nonexistent/global", paths.getArrayElement(paths.getArraySize() - 1).asString());
        assertTrue(require.getMember("resolve").getMember("paths").execute("events").isNull());
        require.execute("./self");
        assertTrue(require.getMember("cache").hasMember(APP.resolve("lib/self.js").toString()));
    }

    @Test
    void requireOfAnEsModuleGivesItsNamespace() {
        Value namespace = fixture.require("index.js", "./requires-esm.js");
        assertEquals("esm via type module", namespace.getMember("scoped").asString());
        assertEquals("scoped default", namespace.getMember("default").asString());
    }

    @Test
    void subpathPatternsAsNodesPatternKeyCompareOrdersThem() {
        assertEquals("src/a", fixture.require("index.js", "patterns-pkg/a").asString());
        assertEquals("src/sub/x", fixture.require("index.js", "patterns-pkg/sub/x").asString(), "the longer prefix wins");
        assertEquals("special", fixture.require("index.js", "patterns-pkg/sub/special").asString(), "exact keys first");
        Value hidden = LoaderFixture.thrown(() -> resolved("patterns-pkg/secret.private.js"));
        assertEquals("ERR_PACKAGE_PATH_NOT_EXPORTED", hidden.getMember("code").asString());
    }

    @Test
    void conditionsAreTakenInTheTargetsKeyOrderAndArraysFallBack() {
        assertEquals("n (node, then require)", fixture.require("index.js", "patterns-pkg/cond").asString());
        assertEquals("src/a", fixture.require("index.js", "patterns-pkg/array").asString(), "an invalid target is skipped");
    }

    @Test
    void invalidTargetsAndConfigsFailWithNodesCodes() {
        Value outside = LoaderFixture.thrown(() -> resolved("patterns-pkg/bad"));
        assertEquals("ERR_INVALID_PACKAGE_TARGET", outside.getMember("code").asString());
        assertTrue(outside.getMember("stack").asString().startsWith("Error [ERR_INVALID_PACKAGE_TARGET]: Invalid \"exports\" "
                + "target \"../outside.js\" defined for './bad'"), outside.getMember("stack").asString());
        Value mixed = LoaderFixture.thrown(() -> resolved("mixed-pkg"));
        assertEquals("ERR_INVALID_PACKAGE_CONFIG", mixed.getMember("code").asString());
    }
}
