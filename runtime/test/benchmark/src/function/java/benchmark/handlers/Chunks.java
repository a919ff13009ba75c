package benchmark.handlers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** The response of the time-to-first-byte benchmark: 40 pieces of 100 KB, 5 ms of work before each. */
final class Chunks {
    static final int PIECES = 40;
    static final int PIECE_BYTES = 100 * 1024;

    private Chunks() {
    }

    static void write(OutputStream out, Runnable afterEachPiece) throws IOException {
        byte[] piece = new byte[PIECE_BYTES];
        Arrays.fill(piece, (byte) 'x');
        for (int i = 0; i < PIECES; i++) {
            work();
            out.write(piece);
            afterEachPiece.run();
        }
    }

    private static void work() throws IOException {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
