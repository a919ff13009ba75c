package dev.lambdabridge.bridge.polyglot.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-ins and globals evaluated in a real context (through the bridge, one function for all), each check
 * against what Node 22 gives for the same expression. The end-to-end comparison with a real Node 22 is
 * NodeCompatEndToEndTest.
 */
class NodeBuiltinsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NodeFunction function;

    @BeforeAll
    static void start() throws Exception {
        function = NodeFunction.of("""
                exports.handler = async (event) => {
                  const value = await new Function('require', 'return (async () => (' + event.expression + '))()')(require);
                  return { value };
                };
                """);
    }

    @AfterAll
    static void stop() throws Exception {
        function.close();
    }

    private static JsonNode eval(String expression) throws Exception {
        String response = function.invoke(JSON.writeValueAsString(java.util.Map.of("expression", expression)));
        return JSON.readTree(response).path("value");
    }

    private static void check(String expected, String expression) throws Exception {
        assertEquals(JSON.readTree(expected), eval(expression), expression);
    }

    @Test
    void crypto() throws Exception {
        check("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"",
                "require('node:crypto').createHash('sha256').update('a').update('bc').digest('hex')");
        check("\"kAFQmDzST7DWlj99KOF/cg==\"", "require('crypto').createHash('md5').update(Buffer.from('abc')).digest('base64')");
        check("\"UDH-PZicbRU3oBP6bnOdojRj_a7DtwE32Cjjas4iG9A\"",
                "require('crypto').createHmac('sha256', 'key').update('data').digest('base64url')");
        check("[true, 16, true, false]", "(c => [/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/"
                + ".test(c.randomUUID()), c.randomBytes(16).length, c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')),"
                + " c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac'))])(require('crypto'))");
        check("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"",
                "Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'))).toString('hex')");
        check("[\"Error\", \"Digest method not supported\"]",
                "(() => { try { require('crypto').createHash('sha0') } catch (e) { return [e.name, e.message] } })()");
    }

    @Test
    void bufferAndItsEncodings() throws Exception {
        check("[\"aMOpbGxv\", \"hi\", 6, \"010203\", \"ab\", \"aGk\", \"hé\"]", "[Buffer.from('héllo').toString('base64'),"
                + " Buffer.from('aGk', 'base64url').toString(), Buffer.byteLength('héllo'), Buffer.from([1,2,3]).toString('hex'),"
                + " Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString(), Buffer.from('hi').toString('base64url'),"
                + " Buffer.from('68c3a9', 'hex').toString('utf8')]");
        check("[\"aGk=\", \"hi\", true]", "[btoa('hi'), atob('aGk='), require('buffer').Buffer === Buffer]");
    }

    @Test
    void utilInspectsAsNode22() throws Exception {
        check("[\"a=1 {\\\"b\\\":2}\", \"{ a: [ 1, { b: [Map] } ], s: 'x' }\", \"Map(1) { 'k' => 1 }\", \"[Function: f]\", \"<Buffer 68 69>\"]",
                "(u => [u.format('%s=%d %j', 'a', 1, { b: 2 }), u.inspect({ a: [1, { b: new Map([[1, 2]]) }], s: 'x' }),"
                + " u.inspect(new Map([['k', 1]])), u.inspect(function f() {}), u.inspect(Buffer.from('hi'))])(require('util'))");
        check("[true, true, false, 3]", "(async u => [u.types.isDate(new Date()), u.isDeepStrictEqual({ a: [1] }, { a: [1] }),"
                + " u.isDeepStrictEqual({ a: 1 }, { a: '1' }), await u.promisify((x, cb) => cb(null, x + 1))(2)])(require('util'))");
    }

    @Test
    void pathEventsOsQuerystringUrlAndStringDecoder() throws Exception {
        check("[\"/b/c.txt\", \".gz\", \"/\", \"b\"]",
                "(p => [p.join('/a', '../b', 'c.txt'), p.extname('x.tar.gz'), p.posix.sep, p.parse('/a/b.c').name])(require('node:path'))");
        check("[42, true]", "(E => { const e = new E(); let got; e.once('x', v => { got = v; }); e.emit('x', 42);"
                + " return [got, E === E.EventEmitter]; })(require('events'))");
        check("[\"linux\", \"\\n\", \"/tmp\"]", "(os => [os.platform(), os.EOL, os.tmpdir()])(require('os'))");
        check("[\"a=1&b=x&b=y&c=%C3%A9%20%26\", {\"a\": \"1\", \"b\": [\"2\", \"3\"]}]",
                "(q => [q.stringify({ a: 1, b: ['x', 'y'], c: 'é &' }), q.parse('a=1&b=2&b=3')])(require('querystring'))");
        check("[\"example.com:8080\", \"2\", \"c=d\", \"/tmp/a b\", \"file:///tmp/a%20b\", \"http://a/d\", \"a=1+2\"]",
                "(url => { const u = new URL('https://user:pw@example.com:8080/p/a?x=1&y=2#h'); return [u.host,"
                + " u.searchParams.get('y'), url.parse('http://a.com/b?c=d').query, url.fileURLToPath('file:///tmp/a%20b'),"
                + " url.pathToFileURL('/tmp/a b').href, url.resolve('http://a/b/c', '../d'),"
                + " new URLSearchParams({ a: '1 2' }).toString()]; })(require('url'))");
        check("\"€\"", "(({ StringDecoder }) => { const d = new StringDecoder('utf8');"
                + " return d.write(Buffer.from([0xe2, 0x82])) + d.end(Buffer.from([0xac])); })(require('string_decoder'))");
    }

    @Test
    void streamsAndZlib() throws Exception {
        check("\"ABC\"", "new Promise((resolve, reject) => { const { Readable, Transform } = require('stream'); const chunks = [];"
                + " Readable.from(['a', 'b', 'c']).pipe(new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } }))"
                + ".on('data', c => chunks.push(String(c))).on('end', () => resolve(chunks.join(''))).on('error', reject); })");
        check("[\"hello hello\", \"abc\", \"zz\"]", "(async z => [z.gunzipSync(z.gzipSync('hello hello')).toString(),"
                + " z.inflateSync(z.deflateSync(Buffer.from('abc'))).toString(),"
                + " (await require('util').promisify(z.gzip)('zz')).length > 0 ? z.gunzipSync(await require('util').promisify(z.gzip)('zz')).toString() : ''])(require('zlib'))");
        check("\"streamed text\"", "(async () => { const z = require('zlib'); const { pipeline, Readable, Writable } = require('stream');"
                + " const parts = []; await require('stream/promises').pipeline(Readable.from([Buffer.from('streamed '), Buffer.from('text')]),"
                + " z.createGzip(), z.createGunzip(), new Writable({ write(c, e, cb) { parts.push(c); cb(); } }));"
                + " return Buffer.concat(parts).toString(); })()");
    }

    @Test
    void fsWithinTheSandboxWithNodesErrors() throws Exception {
        check("[\"content\", 7, true, [\"ENOENT\", -2, \"open\", \"ENOENT: no such file or directory, open '/tmp/lambda-bridge-missing'\"],"
                + " [\"EACCES\", \"open\"], \"content\", true]",
                "(async fs => { fs.writeFileSync('/tmp/lambda-bridge-fs-test.txt', 'content'); const s = fs.statSync('/tmp/lambda-bridge-fs-test.txt');"
                + " const err = (() => { try { fs.readFileSync('/tmp/lambda-bridge-missing') } catch (e) { return [e.code, e.errno, e.syscall, e.message] } })();"
                + " const refused = (() => { try { fs.writeFileSync('/etc/lambda-bridge-x', 'x') } catch (e) { return [e.code, e.syscall] } })();"
                + " return [fs.readFileSync('/tmp/lambda-bridge-fs-test.txt', 'utf8'), s.size, s.isFile(), err, refused,"
                + " await fs.promises.readFile('/tmp/lambda-bridge-fs-test.txt', 'utf8'), fs.readdirSync('/tmp').includes('lambda-bridge-fs-test.txt')]; })(require('fs'))");
    }

    @Test
    void processAndGlobals() throws Exception {
        JsonNode process = eval("[process.version.startsWith('v22.'), process.platform, typeof process.hrtime.bigint(),"
                + " process.hrtime().length, typeof process.memoryUsage().heapUsed, typeof process.nextTick, typeof process.env.PATH]");
        assertEquals(JSON.readTree("[true, \"linux\", \"bigint\", 2, \"number\", \"function\", \"string\"]"), process);
        check("[1, true, true, \"number\", 2, \"function\", \"object\", true]",
                "[structuredClone({ m: new Map([[1, { x: 1 }]]) }).m.get(1).x, AbortSignal.abort().aborted,"
                + " new AbortController().signal instanceof EventTarget, typeof performance.now(), new TextEncoder().encode('é').length,"
                + " typeof Error.captureStackTrace, typeof global, typeof fetch === 'function' && typeof Headers === 'function']");
    }

    @Test
    void missingAndRefusedModulesSayWhy() throws Exception {
        check("[\"ERR_UNKNOWN_BUILTIN_MODULE\", \"No such built-in module: node:nope\"]",
                "(() => { try { require('node:nope') } catch (e) { return [e.code, e.message] } })()");
        JsonNode refused = eval("(() => { try { require('child_process').spawn('ls') } catch (e) { return [e.code, e.message] } })()");
        assertEquals("ERR_NOT_SUPPORTED", refused.get(0).asText());
        assertTrue(refused.get(1).asText().contains("may not start processes"), refused.toString());
    }

    @Test
    void httpAndFetchAgainstALocalServer() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            String url = server.url();
            check("[201, \"POST /echo type=text/plain custom=yes body=hello\"]", "new Promise((resolve, reject) => {"
                    + " const req = require('http').request('" + url + "/echo', { method: 'POST', headers: { 'content-type': 'text/plain',"
                    + " 'x-custom': 'yes' } }, res => { let text = ''; res.on('data', c => { text += c; });"
                    + " res.on('end', () => resolve([res.statusCode, text])); }); req.on('error', reject); req.end('hello'); })");
            check("[200, {\"hello\": \"json\", \"n\": [1, 2]}, \"this body came gzipped\"]",
                    "(async () => { const r = await fetch('" + url + "/json'); const z = await fetch('" + url + "/gzip');"
                    + " return [r.status, await r.json(), await z.text()]; })()");
            check("[\"TypeError\", \"fetch failed\", \"ECONNREFUSED\", \"ECONNREFUSED\"]", "(async () => {"
                    + " const e = await fetch('" + LocalHttpServer.closedUrl() + "').catch(e => e);"
                    + " const h = await new Promise(r => require('http').get('" + LocalHttpServer.closedUrl() + "').on('error', r));"
                    + " return [e.name, e.message, e.cause.code, h.code]; })()");
        }
    }

    @Test
    void asyncLocalStorageFollowsAwaitsAndTimers() throws Exception {
        check("[7, 7, 7]", "(async () => { const { AsyncLocalStorage } = require('async_hooks'); const als = new AsyncLocalStorage();"
                + " return als.run({ id: 7 }, async () => { const a = als.getStore().id; await new Promise(r => setTimeout(r, 1));"
                + " const b = als.getStore().id; const c = await new Promise(r => setImmediate(() => r(als.getStore().id)));"
                + " return [a, b, c]; }); })()");
    }
}
