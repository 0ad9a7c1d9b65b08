package aom.migration.export;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CpuHeadroomTest {

    @Test
    void theMachineIsBusyFromNinetyPercentOfAllCoresOnAndNotWhenTheLoadIsUnknown() {
        AtomicReference<Double> load = new AtomicReference<>(0.2);
        try (CpuHeadroom headroom = CpuHeadroom.of(load::get)) {
            headroom.sample();
            assertThat(headroom.busy()).isFalse();
            load.set(0.9);
            headroom.sample();
            assertThat(headroom.busy()).isTrue();
            load.set(0.89);
            headroom.sample();
            assertThat(headroom.busy()).isFalse();
            load.set(-1.0);
            headroom.sample();
            assertThat(headroom.busy()).as("the load cannot be read").isFalse();
        }
    }

    @Test
    void thisMachinesLoadIsSampledInTheBackground() throws InterruptedException {
        try (CpuHeadroom headroom = CpuHeadroom.ofThisMachine()) {
            // Whatever the answer, sampling a real machine neither fails nor blocks.
            Thread.sleep(3 * CpuHeadroom.SAMPLE_MILLIS);
            assertThat(headroom.busy()).isIn(true, false);
        }
    }
}
