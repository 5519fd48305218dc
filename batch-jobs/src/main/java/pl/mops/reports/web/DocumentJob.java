package pl.mops.reports.web;

import java.time.YearMonth;
import java.util.regex.Pattern;

import pl.mops.reports.runs.ReportJob;
import pl.mops.reports.statistics.PolishCalendar;

/** The jobs whose documents the console shows as pages: what identifies a run's period and how it is named. */
enum DocumentJob {

    MONTHLY(ReportJob.MONTHLY, "month", "statystyka", "Statystyka miesięczna", "Miesiąc",
            Pattern.compile("\\d{4}-(0[1-9]|1[0-2])")),
    OZPS(ReportJob.OZPS, "year", "ocena", "Ocena zasobów pomocy społecznej", "Rok", Pattern.compile("\\d{4}"));

    private final ReportJob job;
    private final String periodParameter;
    private final String segment;
    private final String title;
    private final String periodLabel;
    private final Pattern period;

    DocumentJob(ReportJob job, String periodParameter, String segment, String title, String periodLabel,
                Pattern period) {
        this.job = job;
        this.periodParameter = periodParameter;
        this.segment = segment;
        this.title = title;
        this.periodLabel = periodLabel;
        this.period = period;
    }

    String batchJobName() {
        return job.batchJobName();
    }

    /** the identifying parameter that holds the period: {@code month} (2025-03) or {@code year} (2024) */
    String periodParameter() {
        return periodParameter;
    }

    /** the page's path: {@code /statystyka}, {@code /ocena} */
    String path() {
        return "/" + segment;
    }

    /** the menu entry's key in {@code layout.html} */
    String segment() {
        return segment;
    }

    String title() {
        return title;
    }

    /** „Miesiąc”, „Rok” */
    String periodLabel() {
        return periodLabel;
    }

    boolean isPeriod(String value) {
        return value != null && period.matcher(value).matches();
    }

    /** „marzec 2025”, „2024” */
    String periodName(String value) {
        return this == MONTHLY ? PolishCalendar.monthName(YearMonth.parse(value)) : value;
    }
}
