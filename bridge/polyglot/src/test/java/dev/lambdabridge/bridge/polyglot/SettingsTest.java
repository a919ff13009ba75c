package dev.lambdabridge.bridge.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdabridge.runtime.errors.ErrorReports;
import dev.lambdabridge.runtime.errors.GuestError;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void hostAccessIsClosedUnlessSetToAll() {
        assertEquals(HostAccessSetting.NONE, HostAccessSetting.from(null));
        assertEquals(HostAccessSetting.NONE, HostAccessSetting.from(" none "));
        assertEquals(HostAccessSetting.ALL, HostAccessSetting.from("ALL"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> HostAccessSetting.from("yes"));
        assertTrue(bad.getMessage().contains(HostAccessSetting.VARIABLE), bad.getMessage());
    }

    @Test
    void guestOutputBecomesOneRecordPerLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogLines lines = new LogLines(new RuntimeLogger(out, "JSON", null));
        lines.write("one\ntw".getBytes(StandardCharsets.UTF_8), 0, 6);
        lines.flush(); // guests flush after each write: no record until the line ends
        lines.write('o');
        lines.write('\n');
        lines.write("rest".getBytes(StandardCharsets.UTF_8), 0, 4);
        lines.finishLine();
        String[] records = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, records.length, out.toString(StandardCharsets.UTF_8));
        assertTrue(records[0].contains("\"message\":\"one\""), records[0]);
        assertTrue(records[1].contains("\"message\":\"two\""), records[1]);
        assertTrue(records[2].contains("\"message\":\"rest\""), records[2]);
        assertTrue(records[2].contains("\"level\":\"" + LogLevel.INFO + "\""), records[2]);
    }

    @Test
    void guestErrorsAndTimeoutsNameTheirOwnType() {
        String body = ErrorReports.toPayload(new GuestError("Function<ArgumentError>", "bad input",
                List.of("/var/task/app.rb:3:in `call'"))).json();
        assertEquals("{\"errorMessage\":\"bad input\",\"errorType\":\"Function<ArgumentError>\","
                + "\"stackTrace\":[\"/var/task/app.rb:3:in `call'\"]}", body);
        // a JavaScript error's stack lines under "trace", as AWS's Node.js runtime posts them
        String js = ErrorReports.toPayload(GuestError.javascript("TypeError", "bad input",
                List.of("TypeError: bad input", "    at handler (/var/task/index.js:2:9)"))).json();
        assertEquals("{\"errorMessage\":\"bad input\",\"errorType\":\"TypeError\","
                + "\"trace\":[\"TypeError: bad input\",\"    at handler (/var/task/index.js:2:9)\"]}", js);
        String timeout = ErrorReports.toPayload(new PolyglotTimeout("stopped")).json();
        assertEquals("{\"errorMessage\":\"stopped\",\"errorType\":\"Polyglot.Timeout\",\"stackTrace\":[]}", timeout);
    }
}
