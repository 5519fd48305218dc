package pl.mops.reports.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures and how they are written: the tables of one scale and of the start-up (Polish, for a
 * reader who is not a programmer: numbers with a decimal comma and spaced thousands, each job's time beside its peer's
 * and the floor's, the goal and whether it is met), and one section of {@code docs/benchmarks.md} between the markers
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}, keeping the rest of the file. No timing here: pure
 * formatting and arithmetic, unit-tested.
 */
final class BenchmarkReport {

    /** goals of the issue: at x1 every job ≤ 5 s and the start-up ≤ 2 s; at x60 these; everywhere these */
    static final double GOAL_X1_JOB_SECONDS = 5;
    static final double GOAL_STARTUP_SECONDS = 2;
    static final double GOAL_X60_MONTHLY_SECONDS = 20;
    static final double GOAL_X60_MRPIPS03_SECONDS = 20;
    static final double GOAL_X60_OZPS_SECONDS = 30;
    static final long GOAL_HEAP_MIB = 1024;
    static final double GOAL_IMPORT_ROWS_PER_SECOND = 500_000;
    /**
     * „no statement near the timeout”: the longest single statement of the import or of a job at most this share of the
     * program's statement limit ({@code statement_timeout}, config/application.yml) — our reading of „near”
     */
    static final double GOAL_STATEMENT_SHARE_OF_LIMIT = 0.5;

    enum JobKind { MONTHLY, MRPIPS03, OZPS }

    /**
     * One job at one scale.
     *
     * @param peerSeconds the hand-written SQL that computes the same numbers, {@code null} when there is none
     * @param sameNumbers the peer's numbers equal the job's, {@code null} when not compared
     * @param longestStatementSeconds the job's longest single SQL statement ({@link LongestStatement}), NaN when not
     *                                measured
     */
    record Job(JobKind kind, String label, double seconds, Double peerSeconds, double floorSeconds, long heapMiB,
               double longestStatementSeconds, Boolean sameNumbers, String peerNote) {
    }

    /** COPY of one file or of all files: rows and seconds */
    record Copy(long rows, double seconds) {
        double rowsPerSecond() {
            return rate(rows, seconds);
        }
    }

    /**
     * @param importLongestStatementSeconds the import's longest single SQL statement, NaN when not measured
     * @param statementLimitSeconds the program's limit of one statement ({@code statement_timeout}); 0 = none
     */
    record Scale(int scale, int families, long rows, double sizeMiB, String period, String machine,
                 Copy copyBenefits, Copy copyAll, double importSeconds, long importRows, long importHeapMiB,
                 double importLongestStatementSeconds, double statementLimitSeconds,
                 double floorSeconds, long floorRows, List<Job> jobs) {
        double importRowsPerSecond() {
            return rate(importRows, importSeconds);
        }
    }

    /**
     * A short command in a fresh JVM.
     *
     * @param wallSeconds   whole process times of the measured launches (the preparing one left out)
     * @param springSeconds Spring's own „Started … in X seconds” of the same launches
     */
    record Startup(String command, String how, List<Double> wallSeconds, List<Double> springSeconds) {
    }

    /**
     * A job launched as a user launches it, in a fresh JVM with the embedded database: the x1 goal's measure („from
     * the command to its last file”).
     *
     * @param wallSeconds whole process times of the measured launches (the preparing one left out)
     */
    record CommandJob(JobKind kind, String label, String command, List<Double> wallSeconds) {
    }

    private BenchmarkReport() {
    }

    // ---- arithmetic --------------------------------------------------------------------------

    /** a / b, NaN when either is missing or b is not positive */
    static double ratio(Double a, Double b) {
        if (a == null || b == null || !(b > 0) || a.isNaN()) {
            return Double.NaN;
        }
        return a / b;
    }

    static double rate(long rows, double seconds) {
        return seconds > 0 ? rows / seconds : Double.NaN;
    }

    /** the least value; NaN for none */
    static double least(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** the middle value (the lower middle of an even count); NaN for none */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> v != null && !v.isNaN()).sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
    }

    /** the goal of a job's time at a scale, NaN when the issue sets none (x10) */
    static double jobGoalSeconds(JobKind kind, int scale) {
        if (scale == 1) {
            return GOAL_X1_JOB_SECONDS;
        }
        if (scale == 60) {
            return switch (kind) {
                case MONTHLY -> GOAL_X60_MONTHLY_SECONDS;
                case MRPIPS03 -> GOAL_X60_MRPIPS03_SECONDS;
                case OZPS -> GOAL_X60_OZPS_SECONDS;
            };
        }
        return Double.NaN;
    }

    // ---- numbers in Polish ----------------------------------------------------------------------

    /** {@code 1234567.891} with 2 decimals → {@code 1 234 567,89}; NaN → {@code —} */
    static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value).replace(',', ' ').replace('.', ',');
    }

    static String seconds(double value) {
        return number(value, value < 10 ? 2 : 1);
    }

    static String times(double ratio) {
        return Double.isNaN(ratio) ? "—" : number(ratio, ratio < 10 ? 2 : 1) + " ×";
    }

    static String yesNo(Boolean value) {
        return value == null ? "—" : value ? "tak" : "NIE";
    }

    /** {@code ≤ 5 s: tak}, or {@code —} without a goal */
    static String goalAtMost(double value, double goal, String unit) {
        if (Double.isNaN(goal)) {
            return "—";
        }
        return "≤ " + number(goal, 0) + " " + unit + ": " + yesNo(!Double.isNaN(value) && value <= goal);
    }

    static String goalAtLeast(double value, double goal, String unit) {
        return "≥ " + number(goal, 0) + " " + unit + ": " + yesNo(!Double.isNaN(value) && value >= goal);
    }

    /**
     * {@code polecenie SQL ≤ 150 s: tak} against {@link #GOAL_STATEMENT_SHARE_OF_LIMIT} of the limit; nothing when there
     * is no limit to come near (none set, or not known)
     */
    static String statementGoal(double longestSeconds, double limitSeconds) {
        if (Double.isNaN(limitSeconds) || limitSeconds <= 0) {
            return "";
        }
        if (Double.isNaN(longestSeconds)) {
            return "; polecenie SQL: nie zmierzono";
        }
        return "; polecenie SQL " + goalAtMost(longestSeconds, limitSeconds * GOAL_STATEMENT_SHARE_OF_LIMIT, "s");
    }

    // ---- tables ----------------------------------------------------------------------------------

    /** the section of one scale: the data set, the import against COPY, the jobs against their peers and the floor */
    static String scaleSection(Scale s) {
        StringBuilder out = new StringBuilder();
        out.append("## Skala x").append(s.scale()).append(": ").append(number(s.families(), 0)).append(" rodzin, ")
                .append(number(s.rows(), 0)).append(" wierszy, ").append(number(s.sizeMiB(), 0)).append(" MiB plików (")
                .append(s.period()).append(")\n\n");
        out.append(s.machine()).append("\n\n");
        out.append("Wczytanie danych — odniesieniem jest sam PostgreSQL (COPY do tabeli roboczej bez sprawdzania):\n\n");
        out.append("| pomiar | wiersze | czas s | wiersze/s | względem COPY | szczyt sterty MiB | najdłuższe polecenie SQL s "
                + "| cel |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        out.append("| COPY pliku świadczeń (swiadczenia.csv) | ").append(number(s.copyBenefits().rows(), 0)).append(" | ")
                .append(seconds(s.copyBenefits().seconds())).append(" | ").append(number(s.copyBenefits().rowsPerSecond(), 0))
                .append(" | — | — | — | — |\n");
        out.append("| COPY wszystkich plików | ").append(number(s.copyAll().rows(), 0)).append(" | ")
                .append(seconds(s.copyAll().seconds())).append(" | ").append(number(s.copyAll().rowsPerSecond(), 0))
                .append(" | 1 × (odniesienie) | — | — | — |\n");
        double importRate = s.importRowsPerSecond();
        out.append("| import (`import --dir`, ze sprawdzaniem) | ").append(number(s.importRows(), 0)).append(" | ")
                .append(seconds(s.importSeconds())).append(" | ").append(number(importRate, 0)).append(" | ")
                .append(times(ratio(importRate, s.copyAll().rowsPerSecond()))).append(" | ")
                .append(number(s.importHeapMiB(), 0)).append(" | ").append(seconds(s.importLongestStatementSeconds()))
                .append(" | ").append(goalAtLeast(importRate, GOAL_IMPORT_ROWS_PER_SECOND, "wierszy/s")).append("; sterta ")
                .append(goalAtMost(s.importHeapMiB(), GOAL_HEAP_MIB, "MiB"))
                .append(statementGoal(s.importLongestStatementSeconds(), s.statementLimitSeconds())).append(" |\n\n");
        out.append("Zadania (każde z paczką dla audytorów). Wzorzec = ręcznie napisane zapytania SQL liczące te same "
                + "liczby (po jednym na część raportu); minimum = jedno zapytanie przechodzące raz po świadczeniach "
                + "roku 2025 z ich decyzjami i rodzinami (").append(number(s.floorRows(), 0)).append(" wierszy, ")
                .append(seconds(s.floorSeconds())).append(" s) — mniej żadne zadanie za ten rok nie może kosztować. "
                + "Porównywać między maszynami należy krotności, nie sekundy.\n\n");
        out.append("| zadanie | czas s | wzorzec s | względem wzorca | względem minimum | szczyt sterty MiB | "
                + "najdłuższe polecenie SQL s | liczby zgodne ze wzorcem | cel |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Job job : s.jobs()) {
            out.append("| ").append(job.label()).append(" | ").append(seconds(job.seconds())).append(" | ")
                    .append(job.peerSeconds() == null ? "—" : seconds(job.peerSeconds())).append(" | ")
                    .append(times(ratio(job.seconds(), job.peerSeconds()))).append(" | ")
                    .append(times(ratio(job.seconds(), job.floorSeconds()))).append(" | ")
                    .append(number(job.heapMiB(), 0)).append(" | ").append(seconds(job.longestStatementSeconds()))
                    .append(" | ").append(yesNo(job.sameNumbers())).append(" | ")
                    .append(jobGoals(job, s.scale(), s.statementLimitSeconds())).append(" |\n");
        }
        List<String> notes = new ArrayList<>();
        notes.add("Najdłuższe polecenie SQL: najdłuższy czas, przez jaki jedno polecenie importu albo zadania pracowało "
                + "w bazie (próbki pg_stat_activity co " + number(LongestStatement.INTERVAL_MS / 1000.0, 1)
                + " s; prawdziwy czas jest najwyżej o tyle dłuższy). " + (s.statementLimitSeconds() > 0
                ? "Program przerywa polecenie po " + number(s.statementLimitSeconds(), 0) + " s (statement_timeout, "
                + "config/application.yml); cel „żadne polecenie blisko limitu” rozumiemy jako najwyżej "
                + number(100 * GOAL_STATEMENT_SHARE_OF_LIMIT, 0) + " % limitu ("
                + number(s.statementLimitSeconds() * GOAL_STATEMENT_SHARE_OF_LIMIT, 0) + " s)."
                : "Program nie ma limitu czasu jednego polecenia (statement_timeout), więc żadne nie może się do niego "
                + "zbliżyć."));
        if (s.scale() == 1) {
            notes.add("Czasy zadań w tej tabeli są mierzone w działającym już programie (bez startu Javy, Springa i bazy); "
                    + "cel x1 — każde zadanie ≤ " + number(GOAL_X1_JOB_SECONDS, 0) + " s od polecenia do ostatniego pliku — "
                    + "jest sprawdzany w sekcji „Start programu”.");
        }
        for (Job job : s.jobs()) {
            if (job.peerNote() != null) {
                notes.add(job.peerNote());
            }
        }
        if (!notes.isEmpty()) {
            out.append("\n").append(String.join("\n", notes)).append("\n");
        }
        return out.toString();
    }

    /** the start-up section without the jobs from the command (measured after the x1 scale) */
    static String startupSection(List<Startup> startups, String machine) {
        return startupSection(startups, List.of(), machine);
    }

    /**
     * The start-up section: each short command's whole time in a fresh JVM and Spring's own start, and — once measured
     * — each x1 job from the command to its last file, against the x1 goal (which is about that time, not the job's
     * time inside a running program that the scale's table shows).
     */
    static String startupSection(List<Startup> startups, List<CommandJob> jobs, String machine) {
        StringBuilder out = new StringBuilder("## Start programu\n\n");
        out.append(machine).append("\n\n");
        out.append("Krótkie polecenie w nowym procesie Javy, z wbudowaną bazą danych (jej start i zatrzymanie wliczone), "
                + "uruchomione tak, jak robi to użytkownik. Czas „Spring” to własny pomiar Springa („Started … in X "
                + "seconds”, bez startu JVM i bazy; komponenty tworzone leniwie, dopiero przez polecenie, są poza nim).\n\n");
        out.append("| polecenie | jak uruchomione | przebiegi | czas całkowity s (mediana) | najkrótszy s | Spring s (mediana) | cel |\n");
        out.append("|---|---|---:|---:|---:|---:|---|\n");
        for (Startup s : startups) {
            out.append("| `").append(s.command()).append("` | ").append(s.how()).append(" | ")
                    .append(launches(s.wallSeconds())).append(seconds(median(s.springSeconds()))).append(" | ")
                    .append(goalAtMost(median(s.wallSeconds()), GOAL_STARTUP_SECONDS, "s")).append(" |\n");
        }
        if (!jobs.isEmpty()) {
            out.append("\nZadania w skali x1 (15 000 rodzin, zbiór z sekcji „Skala x1”) od polecenia do ostatniego pliku: "
                    + "każde w nowym procesie Javy, skryptem, z wbudowaną bazą (start programu i bazy, zadanie z paczką "
                    + "dla audytorów, zatrzymanie bazy), na osobnym folderze domowym z tymi samymi danymi; pierwsze "
                    + "uruchomienie (przygotowanie) nie jest liczone. Cel x1 ze zgłoszenia dotyczy tego czasu.\n\n");
            out.append("| zadanie | polecenie | przebiegi | czas całkowity s (mediana) | najkrótszy s | cel |\n");
            out.append("|---|---|---:|---:|---:|---|\n");
            for (CommandJob job : jobs) {
                out.append("| ").append(job.label()).append(" | `").append(job.command()).append("` | ")
                        .append(launches(job.wallSeconds()))
                        .append(goalAtMost(median(job.wallSeconds()), jobGoalSeconds(job.kind(), 1), "s")).append(" |\n");
            }
        }
        return out.toString();
    }

    /** the cells „launches | median | least | ” of a row of whole process times */
    private static String launches(List<Double> wallSeconds) {
        return wallSeconds.size() + " | " + seconds(median(wallSeconds)) + " | " + seconds(least(wallSeconds)) + " | ";
    }

    /**
     * The time goal of the scale when it has one, the heap's and the longest statement's ({@link #statementGoal}). Not
     * x1's: that goal is about the job from the command,
     * start-up included ({@link CommandJob}, in the start-up section), and the scale's table times the job inside the
     * running benchmark.
     */
    static String jobGoals(Job job, int scale, double statementLimitSeconds) {
        double goal = scale == 1 ? Double.NaN : jobGoalSeconds(job.kind(), scale);
        String heap = "sterta " + goalAtMost(job.heapMiB(), GOAL_HEAP_MIB, "MiB")
                + statementGoal(job.longestStatementSeconds(), statementLimitSeconds);
        return Double.isNaN(goal) ? heap : goalAtMost(job.seconds(), goal, "s") + "; " + heap;
    }

    // ---- the file ----------------------------------------------------------------------------------

    static void replaceSection(Path file, String name, String content) {
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Wydajność\n";
            Files.writeString(file, replaceSection(text, name, content), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with the section {@code name} replaced, or appended when it has none */
    static String replaceSection(String text, String name, String content) {
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String block = begin + "\n" + content.strip() + "\n" + end;
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        if (a >= 0 && b > a) {
            return text.substring(0, a) + block + text.substring(b + end.length());
        }
        return text.stripTrailing() + "\n\n" + block + "\n";
    }
}
