package dev.lambdabridge.runtime.logging;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeLoggerTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void textIsTheMessageWithALevelPrefixWhenGiven() {
        RuntimeLogger logger = new RuntimeLogger(out, "TEXT", null);
        logger.log("plain");
        logger.log("warned", LogLevel.WARN);
        logger.log("ends\n");
        assertEquals("plain\n[WARN] warned\nends\n", out.toString());
    }

    /** A logging library's own layout (aws-lambda-java-log4j2's JSON) is written as it is, as AWS's client does. */
    @Test
    void bytesAreWrittenAsTheyAreInBothFormats() {
        byte[] record = "{\"level\":\"INFO\",\"message\":\"laid out\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        new RuntimeLogger(out, "JSON", "INFO").log(record, LogLevel.INFO);
        new RuntimeLogger(out, "TEXT", null).log(record, LogLevel.INFO);
        new RuntimeLogger(out, "JSON", "WARN").log(record, LogLevel.INFO); // below the level: dropped
        assertEquals("{\"level\":\"INFO\",\"message\":\"laid out\"}\n".repeat(2), out.toString());
    }

    @Test
    void jsonIsOneObjectPerLineWithTheRequestId() {
        RuntimeLogger logger = new RuntimeLogger(out, "JSON", "INFO");
        RuntimeLogger.setRequestId("req-7");
        try {
            logger.log("say \"hi\"\nthere", LogLevel.WARN);
            logger.log("untagged");
        } finally {
            RuntimeLogger.setRequestId(null);
        }
        logger.log("after", LogLevel.ERROR);
        String[] lines = out.toString().split("\n");
        assertEquals(3, lines.length, out.toString());
        assertTrue(lines[0].matches("\\{\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\","
                + "\"message\":\"say \\\\\"hi\\\\\"\\\\nthere\",\"level\":\"WARN\",\"AWSRequestId\":\"req-7\"}"), lines[0]);
        assertTrue(lines[1].contains("\"level\":\"INFO\",\"AWSRequestId\":\"req-7\""), lines[1]);
        assertTrue(lines[2].endsWith("\"message\":\"after\",\"level\":\"ERROR\"}"), lines[2]);
    }

    @Test
    void levelFiltersRecordsBelowIt() {
        RuntimeLogger logger = new RuntimeLogger(out, "TEXT", "warn");
        logger.log("debug", LogLevel.DEBUG);
        logger.log("info", LogLevel.INFO);
        logger.log("error", LogLevel.ERROR);
        logger.log("no level");
        assertEquals("[ERROR] error\nno level\n", out.toString());
    }

    @Test
    void unknownLevelLogsEverything() {
        RuntimeLogger logger = new RuntimeLogger(out, "TEXT", "LOUD");
        logger.log("trace", LogLevel.TRACE);
        assertEquals("[TRACE] trace\n", out.toString());
    }
}
