package example.streaming;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdabridge.api.ResponseStream;
import dev.lambdabridge.api.StreamingHandler;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams half of the rows asked for, then fails, as a report whose data source goes away part-way would: the
 * caller has already received those rows, so the error reaches it as the stream's error trailers
 * ({@code Lambda-Runtime-Function-Error-Type}, {@code Lambda-Runtime-Function-Error-Body}).
 */
public class FailingReportHandler implements StreamingHandler {

    @Override
    public void handleRequest(InputStream event, ResponseStream response, Context context) throws IOException {
        ReportRequest request = ReportRequest.read(event);
        long half = request.rows() / 2;
        response.setContentType("text/csv");
        response.write(CsvRows.HEADER.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        CsvRows.write(response, 0, half);
        response.flush();
        CsvReportHandler.pause(request.pauseMs());
        throw new IllegalStateException("report source went away after row " + half + " of " + request.rows());
    }
}
