package dev.lambdabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue, the invocation states and the deadlines, without any process or server. */
class DispatcherTest {
    private static HostedInvocation invocation() {
        return new HostedInvocation(InvokeRequest.of("{}"), null);
    }

    @Test
    void startsNoMoreThanTheConcurrencyInQueueOrder() {
        Dispatcher dispatcher = new Dispatcher(2);
        HostedInvocation a = invocation();
        HostedInvocation b = invocation();
        HostedInvocation c = invocation();
        List.of(a, b, c).forEach(dispatcher::enqueue);
        assertSame(a, dispatcher.startNext());
        assertSame(b, dispatcher.startNext());
        assertNull(dispatcher.startNext(), "a third one waits for a slot");
        assertEquals(HostedInvocation.State.STARTED, a.state());
        assertEquals(HostedInvocation.State.QUEUED, c.state());
        a.done();
        dispatcher.remove(a);
        assertSame(c, dispatcher.startNext());
        assertEquals(List.of(b, c), dispatcher.inFlight());
    }

    @Test
    void aRequeuedInvocationGoesBackToTheHeadInOrder() {
        Dispatcher dispatcher = new Dispatcher(2);
        HostedInvocation a = invocation();
        HostedInvocation b = invocation();
        HostedInvocation c = invocation();
        List.of(a, b, c).forEach(dispatcher::enqueue);
        dispatcher.startNext();
        dispatcher.startNext();
        dispatcher.requeueFirst(List.of(a, b));
        assertEquals(HostedInvocation.State.QUEUED, a.state());
        assertNull(a.sandbox);
        assertSame(a, dispatcher.startNext());
        assertSame(b, dispatcher.startNext());
        assertEquals(List.of(a, b), dispatcher.inFlight());
    }

    @Test
    void theOnlyInvocationInFlightGetsTheRuntimesLines() {
        Dispatcher dispatcher = new Dispatcher(2);
        HostedInvocation tailed = new HostedInvocation(InvokeRequest.of("{}").withLogType(LogType.TAIL), null);
        dispatcher.enqueue(tailed);
        dispatcher.enqueue(invocation());
        dispatcher.startNext();
        assertSame(tailed.tail(), dispatcher.soleTail());
        dispatcher.startNext();
        assertNull(dispatcher.soleTail(), "with two in flight a line cannot be told apart");
    }

    @Test
    void stateTransitionsAreChecked() {
        HostedInvocation invocation = invocation();
        IllegalStateException early = assertThrows(IllegalStateException.class, invocation::deliver);
        assertTrue(early.getMessage().contains("cannot go from QUEUED to DELIVERED"), early.getMessage());
        invocation.start();
        invocation.deliver();
        assertTrue(invocation.isDelivered());
        assertThrows(IllegalStateException.class, invocation::requeue, "a delivered invocation is never requeued");
        invocation.done();
        assertThrows(IllegalStateException.class, invocation::done);
    }

    @Test
    void expiredDeadlinesAreTakenOnce() {
        HostedInvocation soon = invocation();
        HostedInvocation later = invocation();
        HostedInvocation none = invocation();
        Deadlines.arm(soon, 0);
        Deadlines.arm(later, 60_000);
        long now = System.nanoTime();
        assertEquals(List.of(soon), Deadlines.takeExpired(List.of(soon, later, none), now));
        assertEquals(List.of(), Deadlines.takeExpired(List.of(soon, later, none), now), "disarmed once taken");
    }

    @Test
    void recentIdsForgetTheOldest() {
        RecentIds ids = new RecentIds(2);
        ids.add("a");
        ids.add("b");
        ids.add("c");
        assertTrue(ids.contains("b") && ids.contains("c"));
        assertTrue(!ids.contains("a"));
    }
}
