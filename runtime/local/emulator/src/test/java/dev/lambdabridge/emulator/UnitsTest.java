package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The small pieces: JSON check, ARNs, REPORT format, decimals, ids. */
class UnitsTest {
    @Test
    void jsonCheck() {
        JsonPayloadCheck.check("{\"a\":[1,2,{\"b\":null}]}".getBytes());
        JsonPayloadCheck.check("42".getBytes());
        JsonPayloadCheck.check("  \"s\"  ".getBytes());
        InvokeApiException e = assertThrows(InvokeApiException.class, () -> JsonPayloadCheck.check("{\n\"a\" 1}".getBytes()));
        assertEquals(ErrorTypes.INVALID_REQUEST_CONTENT, e.errorType());
        assertTrue(e.getMessage().startsWith("Could not parse request body into json: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
        assertThrows(InvokeApiException.class, () -> JsonPayloadCheck.check("[1] [2]".getBytes()));
    }

    @Test
    void arns() {
        assertEquals("f", FunctionArn.nameOf("f"));
        assertEquals("f", FunctionArn.nameOf("f:$LATEST"));
        assertEquals("f", FunctionArn.nameOf("arn:aws:lambda:eu-west-1:123456789012:function:f"));
        assertEquals("f", FunctionArn.nameOf("arn:aws:lambda:eu-west-1:123456789012:function:f:prod"));
        assertEquals("f", FunctionArn.nameOf("123456789012:function:f"));
        assertEquals("eu-west-1", FunctionArn.regionOf("arn:aws:lambda:eu-west-1:1:function:f", "us-east-1"));
        assertEquals("us-east-1", FunctionArn.regionOf("f", "us-east-1"));
    }

    @Test
    void reportLine() {
        assertEquals("REPORT RequestId: id\tDuration: 1.23 ms\tBilled Duration: 125 ms\tMemory Size: 512 MB"
                        + "\tMax Memory Used: 45 MB\tInit Duration: 123.45 ms",
                new Report(1.234, 123.45, 512, 45, null, null).format("id"));
        assertEquals("REPORT RequestId: id\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB"
                        + "\tMax Memory Used: 20 MB\tStatus: timeout",
                new Report(3000, null, 128, 20, "timeout", null).format("id"));
        assertEquals("0.05", Decimals.two(0.049));
        assertEquals("10.00", Decimals.two(9.999));
    }

    @Test
    void ids() {
        assertTrue(Ids.traceId(1_700_000_000_000L).matches("Root=1-6553f100-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0"));
        assertTrue(Ids.logStreamName().matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"));
    }
}
