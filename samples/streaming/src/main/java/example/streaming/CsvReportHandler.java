package example.streaming;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdabridge.api.ResponseStream;
import dev.lambdabridge.api.StreamingHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Streams a generated CSV report of {@code rows} rows, flushing every {@code flushEvery} rows (and pausing
 * {@code pauseMs} there, to stand for a slow source), so the caller reads the first rows while the rest is being
 * made; the whole report is never in memory. With {@code "http": true} it answers in the function URL form
 * (status, headers, cookie, then the CSV).
 */
public class CsvReportHandler implements StreamingHandler {

    @Override
    public void handleRequest(InputStream event, ResponseStream response, Context context) throws IOException {
        ReportRequest request = ReportRequest.read(event);
        if (request.http()) {
            response.startHttpResponse(200, Map.of("Content-Type", "text/csv",
                    "Content-Disposition", "attachment; filename=\"report.csv\""), List.of("report=generated"));
        } else {
            response.setContentType("text/csv");
        }
        response.write(CsvRows.HEADER.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (long from = 0; from < request.rows(); from += request.flushEvery()) {
            CsvRows.write(response, from, Math.min(request.rows(), from + request.flushEvery()));
            response.flush();
            pause(request.pauseMs());
        }
        context.getLogger().log("streamed " + request.rows() + " rows, " + response.bytesWritten() + " bytes");
    }

    static void pause(long millis) throws IOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the report", e);
        }
    }
}
