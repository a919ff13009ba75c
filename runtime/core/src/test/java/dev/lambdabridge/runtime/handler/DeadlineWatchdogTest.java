package dev.lambdabridge.runtime.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlineWatchdogTest {

    @Test
    void anArmedActionRunsAtItsTime() throws Exception {
        DeadlineWatchdog watchdog = new DeadlineWatchdog("test-watchdog-1");
        CountDownLatch ran = new CountDownLatch(1);
        long armedAt = System.currentTimeMillis();
        watchdog.arm(ran::countDown, armedAt + 150);
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the action ran");
        assertTrue(System.currentTimeMillis() - armedAt >= 150, "not before its time");
        assertEquals(0, watchdog.armedCount());
    }

    @Test
    void disarmedActionsNeverRunAndLeaveNothingBehind() throws Exception {
        DeadlineWatchdog watchdog = new DeadlineWatchdog("test-watchdog-2");
        AtomicInteger runs = new AtomicInteger();
        long now = System.currentTimeMillis();
        // as an invoke loop does: each invocation armed for a later deadline, then disarmed when it answers
        for (int i = 0; i < 10_000; i++) {
            watchdog.arm(runs::incrementAndGet, now + 200 + i).disarm();
        }
        assertEquals(0, watchdog.armedCount(), "no entry per past invocation (a scheduled executor keeps one)");
        Thread.sleep(400);
        assertEquals(0, runs.get());
    }

    @Test
    void anEarlierDeadlineWakesTheWatchdogAndLaterOnesStillRun() throws Exception {
        DeadlineWatchdog watchdog = new DeadlineWatchdog("test-watchdog-3");
        CountDownLatch late = new CountDownLatch(1);
        CountDownLatch early = new CountDownLatch(1);
        long now = System.currentTimeMillis();
        watchdog.arm(late::countDown, now + 800);
        watchdog.arm(early::countDown, now + 50);
        assertTrue(early.await(400, TimeUnit.MILLISECONDS), "the earlier deadline did not wait for the later one");
        assertEquals(1, late.getCount());
        assertTrue(late.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aFailingActionDoesNotStopTheWatchdog() throws Exception {
        DeadlineWatchdog watchdog = new DeadlineWatchdog("test-watchdog-4");
        CountDownLatch after = new CountDownLatch(1);
        long now = System.currentTimeMillis();
        watchdog.arm(() -> {
            throw new IllegalStateException("context already closed");
        }, now + 20);
        watchdog.arm(after::countDown, now + 120);
        assertTrue(after.await(5, TimeUnit.SECONDS));
    }
}
