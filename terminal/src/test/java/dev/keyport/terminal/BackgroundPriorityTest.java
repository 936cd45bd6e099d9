package dev.keyport.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.keyport.terminal.testing.JvmThreads;

/** Flood threads run below the priority of everything else in Keyport, the screen included. */
class BackgroundPriorityTest {

    @Test
    void threadsFromTheFactoryRunAtTheLowerPriorityAndOthersDoNot() throws Exception {
        assumeTrue(JvmThreads.available(), "thread niceness is read from Linux's /proc");
        CountDownLatch release = new CountDownLatch(1);
        int[] javaPriority = {0};
        Thread flood = BackgroundPriority.threadFactory("kp-bg-test-", true).newThread(() -> {
            javaPriority[0] = Thread.currentThread().getPriority();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread normal = new Thread(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kp-fg-test");
        flood.start();
        normal.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!JvmThreads.nices("kp-bg-test-").equals(Set.of(BackgroundPriority.NICE)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(JvmThreads.nices("kp-bg-test-")).as("nice of the flood thread").containsExactly(BackgroundPriority.NICE);
            assertThat(JvmThreads.nices("kp-fg-test")).as("nice of an ordinary thread").allMatch(n -> n < BackgroundPriority.NICE);
            assertThat(javaPriority[0]).isEqualTo(Thread.MIN_PRIORITY);
            assertThat(flood.getName()).isEqualTo("kp-bg-test-0");
            assertThat(flood.isDaemon()).isTrue();
        } finally {
            release.countDown();
            flood.join(5_000);
            normal.join(5_000);
        }
    }
}
