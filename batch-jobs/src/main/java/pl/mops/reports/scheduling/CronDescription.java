package pl.mops.reports.scheduling;

/**
 * A cron expression in Polish words for {@code status}, for the shapes a schedule uses (a fixed time; every day,
 * a day of every month or a day of a month); anything else is described as "według wyrażenia cron".
 */
public final class CronDescription {

    private static final String[] MONTHS_GENITIVE = {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
            "lipca", "sierpnia", "września", "października", "listopada", "grudnia"};

    private CronDescription() {
    }

    public static String polish(String cron) {
        String[] f = cron.trim().split("\\s+");
        if (f.length == 6 && number(f[0]) && f[1].matches("(\\*|0)/\\d{1,2}") && f[2].equals("*")
                && (f[3].equals("*") || f[3].equals("?")) && f[4].equals("*") && (f[5].equals("*") || f[5].equals("?"))) {
            return "co " + Integer.parseInt(f[1].substring(f[1].indexOf('/') + 1)) + " min";
        }
        if (f.length != 6 || !number(f[0]) || !number(f[1]) || !number(f[2]) || !(f[5].equals("*") || f[5].equals("?"))) {
            return "według wyrażenia cron";
        }
        int second = Integer.parseInt(f[0]);
        String time = String.format("%02d:%02d", Integer.parseInt(f[2]), Integer.parseInt(f[1]))
                + (second == 0 ? "" : String.format(":%02d", second));
        boolean anyDay = f[3].equals("*") || f[3].equals("?");
        if (anyDay && f[4].equals("*")) {
            return "codziennie o " + time;
        }
        if (number(f[3]) && f[4].equals("*")) {
            return "co miesiąc, " + Integer.parseInt(f[3]) + ". dnia o " + time;
        }
        if (number(f[3]) && number(f[4]) && Integer.parseInt(f[4]) >= 1 && Integer.parseInt(f[4]) <= 12) {
            return "co roku " + Integer.parseInt(f[3]) + " " + MONTHS_GENITIVE[Integer.parseInt(f[4]) - 1] + " o " + time;
        }
        return "według wyrażenia cron";
    }

    private static boolean number(String field) {
        return field.matches("\\d{1,2}");
    }
}
