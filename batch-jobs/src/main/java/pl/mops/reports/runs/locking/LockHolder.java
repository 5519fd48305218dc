package pl.mops.reports.runs.locking;

import java.time.LocalDateTime;

import pl.mops.reports.system.PolishTimes;

/**
 * Who holds a job lock, from {@code pg_stat_activity}: the server process, the client's application name (the
 * program sets it to "mops-reports &lt;host&gt; pid &lt;pid&gt; &lt;user&gt;"), its address and when it connected (in the program's time zone).
 */
public record LockHolder(int serverPid, String applicationName, String clientAddress, LocalDateTime connectedSince) {

    /** in Polish, e.g. "mops-reports serwer1 pid 4242 jan (adres 10.0.0.5, połączony od 03.11.2025 06:00:01)" */
    public String polishDescription() {
        String who = applicationName == null || applicationName.isBlank()
                ? "inny program (proces serwera bazy " + serverPid + ")" : applicationName;
        String address = clientAddress == null ? "połączenie lokalne" : "adres " + clientAddress;
        String since = connectedSince == null ? "" : ", połączony od "
                + connectedSince.format(PolishTimes.SECONDS);
        return who + " (" + address + since + ")";
    }
}
