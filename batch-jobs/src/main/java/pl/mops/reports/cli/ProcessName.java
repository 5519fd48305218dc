package pl.mops.reports.cli;

import java.net.InetAddress;

/**
 * How this process introduces itself to PostgreSQL ({@code application_name}, seen in {@code pg_stat_activity}),
 * e.g. "mops-reports serwer1 pid 4242 jan": the loser of a job lock names the holder with it.
 */
final class ProcessName {

    private ProcessName() {
    }

    static String current() {
        String name = "mops-reports " + host() + " pid " + ProcessHandle.current().pid() + " "
                + System.getProperty("user.name", "?");
        return name.length() > 63 ? name.substring(0, 63) : name; // PostgreSQL keeps 63 bytes
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "?" : env;
        }
    }
}
