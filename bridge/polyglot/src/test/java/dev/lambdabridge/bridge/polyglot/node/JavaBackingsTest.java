package dev.lambdabridge.bridge.polyglot.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The Java halves of crypto and zlib, as the built-ins call them. */
class JavaBackingsTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void digestsUnderNodesNames() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(CryptoBacking.digest("sha256", utf8("abc"))));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", HexFormat.of().formatHex(CryptoBacking.digest("MD5", utf8("abc"))));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d",
                HexFormat.of().formatHex(CryptoBacking.digest("RSA-SHA1", utf8("abc"))));
        NodeError unknown = assertThrows(NodeError.class, () -> CryptoBacking.digest("sha0", utf8("abc")));
        assertEquals("Digest method not supported", unknown.getMessage());
    }

    @Test
    void hmacWithAnEmptyKeyAsNodeComputesIt() {
        // Node: crypto.createHmac('sha256', '').update('').digest('hex')
        assertEquals("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
                HexFormat.of().formatHex(CryptoBacking.hmac("sha256", new byte[0], new byte[0])));
        NodeError bad = assertThrows(NodeError.class, () -> CryptoBacking.hmac("nope", utf8("k"), utf8("d")));
        assertEquals("ERR_CRYPTO_INVALID_DIGEST", bad.properties().get("code"));
    }

    @Test
    void zlibRoundTripsEachFormat() {
        byte[] text = utf8("hello hello hello hello");
        for (String[] pair : new String[][] {{"gzip", "gunzip"}, {"deflate", "inflate"}, {"deflateRaw", "inflateRaw"},
                {"gzip", "unzip"}, {"deflate", "unzip"}}) {
            byte[] packed = ZlibBacking.process(pair[0], 6, text);
            assertArrayEquals(text, ZlibBacking.process(pair[1], -1, packed), pair[0] + " -> " + pair[1]);
        }
        assertEquals((byte) 0x1f, ZlibBacking.process("gzip", -1, text)[0]);
    }

    @Test
    void zlibFailsAsNodeDoes() {
        NodeError header = assertThrows(NodeError.class, () -> ZlibBacking.process("gunzip", -1, utf8("not gzip")));
        assertEquals("incorrect header check", header.getMessage());
        assertEquals("Z_DATA_ERROR", header.properties().get("code"));
        byte[] packed = ZlibBacking.process("deflate", -1, utf8("some text to cut short"));
        byte[] cut = java.util.Arrays.copyOf(packed, packed.length - 6);
        NodeError truncated = assertThrows(NodeError.class, () -> ZlibBacking.process("inflate", -1, cut));
        assertEquals("unexpected end of file", truncated.getMessage());
        assertEquals("Z_BUF_ERROR", truncated.properties().get("code"));
    }

    @Test
    void fsErrorsReadAsNodes() {
        NodeError error = FsBacking.failure("ENOENT", "open", "/tmp/missing");
        assertEquals("ENOENT: no such file or directory, open '/tmp/missing'", error.getMessage());
        assertEquals(-2, error.properties().get("errno"));
        assertEquals("open", error.properties().get("syscall"));
        assertEquals("/tmp/missing", error.properties().get("path"));
    }
}
