package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Value;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * {@code zlib}'s Java half on java.util.zip (the JDK's zlib): one-shot gzip/gunzip/deflate/inflate/deflateRaw/
 * inflateRaw/unzip, and compressing streams that give out what each write produced. Decompressing streams
 * collect their input and inflate it at the end (the JDK's gzip reader is a blocking stream), which gives the
 * same output, in one chunk.
 */
final class ZlibBacking {
    private ZlibBacking() {
    }

    static Members members(GuestErrors errors) {
        return new Members(errors)
                .fn("process", a -> Bytes.wrap(process(a[0].asString(), a[1].asInt(), Bytes.read(a[2], a[3], a[4]))))
                .fn("compressor", a -> compressor(errors, a[0].asString(), a[1].asInt()));
    }

    static byte[] process(String mode, int level, byte[] input) {
        try {
            return switch (mode) {
                case "gzip", "deflate", "deflateRaw" -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 2));
                    try (OutputStream compressing = compressing(mode, level, out)) {
                        compressing.write(input);
                    }
                    yield out.toByteArray();
                }
                case "gunzip", "inflate", "inflateRaw", "unzip" -> inflating(mode, input).readAllBytes();
                default -> throw new NodeError("TypeError", "unknown zlib mode " + mode);
            };
        } catch (EOFException e) {
            throw zlibError("unexpected end of file", "Z_BUF_ERROR", -5);
        } catch (ZipException e) {
            String message = e.getMessage() == null || e.getMessage().startsWith("Not in GZIP format")
                    ? "incorrect header check" : e.getMessage();
            throw zlibError(message, "Z_DATA_ERROR", -3);
        } catch (IOException e) {
            throw zlibError(String.valueOf(e.getMessage()), "Z_DATA_ERROR", -3);
        }
    }

    private static NodeError zlibError(String message, String code, int errno) {
        return NodeError.error(message).with("errno", errno).with("code", code);
    }

    private static OutputStream compressing(String mode, int level, OutputStream out) throws IOException {
        int effective = level < 0 ? Deflater.DEFAULT_COMPRESSION : level;
        return switch (mode) {
            case "gzip" -> new GZIPOutputStream(out, 512, true) {
                {
                    def.setLevel(effective);
                }
            };
            case "deflateRaw" -> new DeflaterOutputStream(out, new Deflater(effective, true), 512, true);
            default -> new DeflaterOutputStream(out, new Deflater(effective, false), 512, true);
        };
    }

    private static InputStream inflating(String mode, byte[] input) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        boolean gzip = mode.equals("gunzip")
                || (mode.equals("unzip") && input.length > 1 && (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b);
        if (gzip) {
            return new GZIPInputStream(in);
        }
        return new StrictInflaterStream(in, new Inflater(mode.equals("inflateRaw")));
    }

    /** InflaterInputStream that reports truncated input (it would just stop) as zlib's "unexpected end of file". */
    private static final class StrictInflaterStream extends InflaterInputStream {
        StrictInflaterStream(InputStream in, Inflater inflater) {
            super(in, inflater);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0 && !inf.finished()) {
                throw new EOFException("unexpected end of file");
            }
            return n;
        }
    }

    /** A compressing stream: write(bytes, finish) gives what the compressor produced so far. */
    private static Members compressor(GuestErrors errors, String mode, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        OutputStream compressing;
        try {
            compressing = compressing(mode, level, out);
        } catch (IOException e) {
            throw zlibError(String.valueOf(e.getMessage()), "Z_STREAM_ERROR", -2);
        }
        return new Members(errors).fn("write", (Value[] a) -> {
            try {
                compressing.write(Bytes.read(a[0], a[1], a[2]));
                if (a[3].asBoolean()) {
                    compressing.close();
                } else if (a.length > 4 && a[4].asBoolean()) {
                    compressing.flush();
                }
            } catch (IOException e) {
                throw zlibError(String.valueOf(e.getMessage()), "Z_STREAM_ERROR", -2);
            }
            byte[] produced = out.toByteArray();
            out.reset();
            return Bytes.wrap(produced);
        });
    }
}
