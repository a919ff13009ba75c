package example.streaming;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Generates the report's rows (deterministic, so a caller can check any row), one line each. */
final class CsvRows {
    static final String HEADER = "id,region,sku,quantity,amount_cents\n";
    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"};

    private CsvRows() {
    }

    static String row(long id) {
        long quantity = 1 + id % 17;
        return id + "," + REGIONS[(int) (id % REGIONS.length)] + ",SKU-" + (100000 + id % 9973) + "," + quantity
                + "," + quantity * (199 + id % 1000) + "\n";
    }

    /** Writes rows {@code from} (inclusive) to {@code to} (exclusive). */
    static void write(OutputStream out, long from, long to) throws IOException {
        StringBuilder batch = new StringBuilder(8192);
        for (long id = from; id < to; id++) {
            batch.append(row(id));
            if (batch.length() > 8000) {
                out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                batch.setLength(0);
            }
        }
        out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
