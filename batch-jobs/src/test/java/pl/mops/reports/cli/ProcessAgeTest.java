package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessAgeTest {

    @Test
    void theAgeIsTheUptimeLessTheStartTimeInHundredthsOfASecond() {
        // field 22 (start time) = 142046 ticks = 1420.46 s after boot; uptime 1421.18 s: 0.72 s
        String stat = "11557 (java) S 11554 11554 1222 0 -1 4194304 129 0 0 0 0 0 0 0 20 0 1 0 142046 3133440 373";
        assertThat(ProcessAge.fromProc(stat, "1421.18 1279.58\n")).isEqualTo(720);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "42 (a) b (c) S 1 42 42 0 -1 4194304 1 0 0 0 0 0 0 0 20 0 1 0 500 3133440 373";
        assertThat(ProcessAge.fromProc(stat, "7.25 3.00")).isEqualTo(2250);
    }

    @Test
    void onThisMachineItIsAPositiveFigureBelowTheTestsRunningTime() {
        long millis = ProcessAge.millis();
        assertThat(millis).isPositive().isLessThan(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                + 5_000);
    }
}
