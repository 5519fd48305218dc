package pl.mops.reports.rendering;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.model.ChartSeries;
import pl.mops.reports.rendering.model.ChartSource;
import pl.mops.reports.rendering.model.DocumentMetadata;
import pl.mops.reports.rendering.model.DocumentRenderer;
import pl.mops.reports.rendering.model.ReportChart;
import pl.mops.reports.rendering.model.ReportColumn;
import pl.mops.reports.rendering.model.ReportDocument;
import pl.mops.reports.rendering.model.ReportRow;
import pl.mops.reports.rendering.model.ReportTable;
import pl.mops.reports.rendering.model.ValueType;

/**
 * The first document a process renders costs seconds that the next ones do not (loading the POI, JasperReports and
 * font classes, the compiled templates, the JIT): about 1 s for the XLSX and 2 s for the PDF of a Kraków-sized
 * monthly statistics started from the command line. A report job starts this warm-up when it starts, in a background
 * thread of low priority, once per process: a small made-up document is rendered in every format and thrown away
 * while the database computes the job's figures (the computation is the database's work; the program's own thread
 * only waits for it); {@code serve} starts it when it starts, so the console's first report is as quick as the next.
 * The job's files do not depend on it — every format is rendered from its document alone — and a failure of the
 * warm-up is only logged.
 */
@Component
public class RenderingWarmUp implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RenderingWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final Renderers renderers;

    public RenderingWarmUp(Renderers renderers) {
        this.renderers = renderers;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        startInBackground();
    }

    /** starts the warm-up unless this process has started it before */
    public void startInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::warmUp, "rozgrzewka-plikow");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void warmUp() {
        long start = System.nanoTime();
        try {
            ReportDocument sample = sample();
            // the PDF first: the job renders its formats at the same time, and its PDF is the one that takes longest
            List<DocumentRenderer> pdfFirst = renderers.all().stream()
                    .sorted(Comparator.comparing(renderer -> !renderer.extension().equals("pdf"))).toList();
            for (DocumentRenderer renderer : pdfFirst) {
                renderer.render(sample, OutputStream.nullOutputStream());
                renderer.companions(sample);
            }
            log.info("Rozgrzewka tworzenia plików (próbny dokument we wszystkich formatach, w tle): {} ms",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            log.info("Rozgrzewka tworzenia plików nie powiodła się (bez wpływu na zadanie): {}", e.toString());
        }
    }

    /** a small document with what the reports have: a description, two tables of counts and amounts, a chart */
    static ReportDocument sample() {
        List<ReportColumn> columns = List.of(
                new ReportColumn("rodziny", "Liczba rodzin", ValueType.COUNT, 10),
                new ReportColumn("osoby", "Liczba osób w rodzinach", ValueType.COUNT, 12),
                new ReportColumn("kwota", "Kwota świadczeń (zł)", ValueType.AMOUNT, 14),
                new ReportColumn("udzial", "Udział (%)", ValueType.PERCENT, 9));
        List<ReportRow> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            keys.add("d" + i);
            rows.add(new ReportRow("d" + i, "Dzielnica " + i, 1, false, List.of(BigDecimal.valueOf(100L + i),
                    BigDecimal.valueOf(250L + 3L * i), new BigDecimal("12345.67").add(BigDecimal.valueOf(i)),
                    new BigDecimal("8.3"))));
        }
        rows.add(new ReportRow("razem", "Ogółem", 0, true, List.of(BigDecimal.valueOf(1278), BigDecimal.valueOf(3234),
                new BigDecimal("148226.04"), new BigDecimal("100.0"))));
        List<ReportTable> tables = List.of(
                new ReportTable("T1", "Tabela próbna 1", "1", "dzielnica", "Dzielnica", columns, rows,
                        List.of("Przypis próbny.")),
                new ReportTable("T2", "Tabela próbna 2", "2", "dzielnica", "Dzielnica", columns, rows, List.of()));
        List<BigDecimal> families = rows.subList(0, 12).stream().map(r -> r.values().get(0)).toList();
        ReportChart chart = new ReportChart("W1", "Wykres próbny", ReportChart.ChartKind.BAR, "Dzielnica",
                "Liczba rodzin", keys.stream().map(k -> "Dzielnica " + k.substring(1)).toList(),
                List.of(new ChartSeries("Rodziny", families, false, -1)))
                .withSource(new ChartSource("T1", ChartSource.Orientation.SERIES_IN_COLUMNS, keys, List.of("rodziny")));
        return new ReportDocument("rozgrzewka", "2025-12", "Dokument próbny", "MOPS",
                List.of("Okres: grudzień 2025", "Dane: próbne"), tables, List.of(chart),
                List.of("Zasady liczenia: próbne."), new DocumentMetadata(Instant.EPOCH, "MOPS", "próba", "próba"))
                .withAppendix(List.of("Załącznik próbny."));
    }
}
