package dev.lambdabridge.bridge.polyglot.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.runtime.errors.GuestError;
import org.junit.jupiter.api.Test;

/** The event loop through the real bridge: Node's order, awaited timers, callbacks and unref'd timers. */
class EventLoopTest {
    @Test
    void aHandlerAwaitsSeveralTimersInARow() throws Exception {
        try (NodeFunction f = NodeFunction.of("""
                const sleep = ms => new Promise(r => setTimeout(r, ms));
                exports.handler = async () => { await sleep(5); await sleep(5); await sleep(1); return { slept: 3 }; };
                """)) {
            assertEquals("{\"slept\":3}", f.invoke("{}"));
            assertEquals("{\"slept\":3}", f.invoke("{}"));
        }
    }

    @Test
    void aPromiseRejectedAfterATimerFailsTheInvocation() throws Exception {
        try (NodeFunction f = NodeFunction.of("""
                exports.handler = async () => { await new Promise(r => setTimeout(r, 5)); throw new TypeError('late'); };
                """)) {
            GuestError error = assertThrows(GuestError.class, () -> f.invoke("{}"));
            assertTrue(error.getMessage().contains("late"), error.getMessage());
        }
    }

    @Test
    void callbacksRunInNodesOrder() throws Exception {
        try (NodeFunction f = NodeFunction.of("""
                exports.handler = (event, context, callback) => {
                  const order = [];
                  setTimeout(() => order.push('timeout'), 0);
                  setImmediate(() => {
                    order.push('immediate');
                    process.nextTick(() => order.push('tick in immediate'));
                    Promise.resolve().then(() => order.push('promise in immediate'));
                  });
                  Promise.resolve().then(() => order.push('promise'));
                  queueMicrotask(() => order.push('microtask'));
                  process.nextTick(() => order.push('tick'));
                  order.push('sync');
                  setTimeout(() => callback(null, order), 20);
                };
                """)) {
            // a handler runs as Node's runtime calls it, in a promise job after an I/O callback: its promise jobs
            // before its ticks, immediates before timers
            assertEquals("[\"sync\",\"promise\",\"microtask\",\"tick\",\"immediate\",\"tick in immediate\","
                    + "\"promise in immediate\",\"timeout\"]", f.invoke("{}"));
        }
    }

    @Test
    void aCallbackWaitsForTheEmptyEventLoopUnlessToldNotTo() throws Exception {
        try (NodeFunction f = NodeFunction.of("""
                let ran = 0;
                exports.handler = (event, context, callback) => {
                  context.callbackWaitsForEmptyEventLoop = event.wait;
                  setTimeout(() => { ran++; }, 30);
                  callback(null, { ran });
                };
                """)) {
            assertEquals("{\"ran\":0}", f.invoke("{\"wait\":true}"));
            assertEquals("{\"ran\":1}", f.invoke("{\"wait\":false}"));
            long started = System.nanoTime();
            assertEquals("{\"ran\":1}", f.invoke("{\"wait\":false}"));
            assertTrue((System.nanoTime() - started) / 1e6 < 25, "it did not wait for the timer");
        }
    }

    @Test
    void processExitFailsTheInvocationAndAFreshContextServesTheNext() throws Exception {
        try (NodeFunction f = NodeFunction.of("""
                let calls = 0;
                exports.handler = async (event) => {
                  calls++;
                  if (event.exit) {
                    await new Promise(r => setTimeout(r, 1));
                    process.exit(3);
                  }
                  return { calls };
                };
                """)) {
            assertEquals("{\"calls\":1}", f.invoke("{}"));
            GuestError exit = assertThrows(GuestError.class, () -> f.invoke("{\"exit\":true}"));
            assertTrue(exit.getMessage().contains("exited with status 3"), exit.getMessage());
            assertEquals("{\"calls\":1}", f.invoke("{}"));
        }
    }

    @Test
    void contextMethodsWorkDetached() throws Exception {
        try (NodeFunction f = NodeFunction.of("""
                exports.handler = (event, context) => {
                  const { getRemainingTimeInMillis, succeed } = context;
                  setTimeout(() => succeed({ left: getRemainingTimeInMillis() > 1000 }), 1);
                };
                """)) {
            assertEquals("{\"left\":true}", f.invoke("{}"));
        }
    }

    @Test
    void unrefdTimersDoNotHoldTheLoop() throws Exception {
        try (NodeFunction f = NodeFunction.of("""
                exports.handler = (event, context, callback) => {
                  const t = setTimeout(() => {}, 5000);
                  t.unref();
                  setTimeout(() => callback(null, { hasRef: t.hasRef(), id: typeof +t }), 1);
                };
                """)) {
            long started = System.nanoTime();
            assertEquals("{\"hasRef\":false,\"id\":\"number\"}", f.invoke("{}"));
            assertTrue((System.nanoTime() - started) / 1e6 < 2000);
        }
    }

    @Test
    void intervalsRefreshAndClear() throws Exception {
        try (NodeFunction f = NodeFunction.of("""
                exports.handler = () => new Promise(resolve => {
                  let n = 0;
                  const i = setInterval(() => { if (++n === 3) { clearInterval(i); resolve({ n }); } }, 2);
                });
                """)) {
            assertEquals("{\"n\":3}", f.invoke("{}"));
        }
    }
}
