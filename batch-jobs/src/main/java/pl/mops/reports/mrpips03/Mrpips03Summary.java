package pl.mops.reports.mrpips03;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.PolishTimes;
import pl.mops.reports.importing.Coverage;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.rendering.WrittenFile;

/**
 * Prints the outcome of an MRPiPS-03 run in Polish: files, cells, control rules (with those "do przeglądu"), ready to
 * send or not, the layout's counters (e.g. zasiłek stały classified by family size) and why the layout is not the
 * newest one when the period keeps an older one.
 */
@Component
public class Mrpips03Summary {

    private final Console console;
    private final ReturnRepository returns;
    private final SnapshotRepository snapshots;
    private final Submissions submissions;
    private final ReturnStatus status;

    private final Layouts layouts;

    public Mrpips03Summary(Console console, ReturnRepository returns, SnapshotRepository snapshots,
                           Submissions submissions, ReturnStatus status, Layouts layouts) {
        this.layouts = layouts;
        this.submissions = submissions;
        this.status = status;
        this.console = console;
        this.returns = returns;
        this.snapshots = snapshots;
    }

    public void print(Mrpips03Service.Result result) {
        StoredReturn r = result.stored();
        String what = "Sprawozdanie MRPiPS-03 za " + r.period().polishName() + " (" + r.versionName() + ")";
        if (result.reused()) {
            console.line(what + " dla migawki " + r.snapshotId() + " i układu " + r.layoutVersion()
                    + " było już policzone; nic nie liczono ponownie (ponowne przeliczenie: --rerun).");
        } else {
            console.line(what + " policzone (migawka " + r.snapshotId() + ", układ " + r.formSymbol() + " "
                    + r.layoutVersion() + ", czas " + PolishTimes.duration(result.duration()) + ").");
        }
        if (result.layoutChoice() != null) {
            console.line(result.layoutChoice());
        }
        result.laterCorrection().ifPresent(later -> console.line("Uwaga: istnieje nowsza wersja tego sprawozdania ("
                + later.versionName() + ", migawka " + later.snapshotId() + ")."));
        if (r.incompletePeriod()) {
            Coverage coverage = snapshots.find(r.snapshotId()).orElseThrow().coverage();
            console.line("UWAGA: dane niepełne \u2014 " + coverage.describe() + "; okres: "
                    + coverage.of(r.period().start(), r.period().end()).held() + ".");
        }
        Optional<ReturnRepository.Submission> sent = returns.latestSubmission(r.period());
        if (sent.isPresent() && sent.get().returnId() == r.id()) {
            console.line("Ta wersja została złożona: " + submissions.describe(sent.get()) + ".");
        } else if (sent.isPresent()) {
            StoredReturn sentReturn = returns.find(sent.get().returnId()).orElseThrow();
            console.line("Złożona wersja tego okresu: " + sentReturn.versionName() + " (" + submissions.describe(sent.get())
                    + ")" + (r.correction() == sentReturn.correction()
                    ? "; ta wersja ma te same komórki co złożona \u2014 korekty nie trzeba składać."
                    : "; ta wersja jest jej korektą nr " + r.correction() + " (zmiany: " + r.baseFileName()
                    + "-zmiany.xlsx)."));
        } else {
            console.line("Żadna wersja tego okresu nie jest jeszcze złożona (oznaczenie złożenia: ./mops-reports zloz "
                    + "--period " + r.period() + ").");
        }
        console.line("  komórki: " + result.cells());
        int failed = r.checksFailed() == null ? 0 : r.checksFailed();
        List<ReturnRepository.RuleResult> reviews = returns.ruleResults(r.id()).stream()
                .filter(x -> x.state() == Readiness.RuleState.DO_PRZEGLADU).toList();
        int review = reviews.stream().mapToInt(ReturnRepository.RuleResult::failed).sum();
        console.line("  reguły kontrolne: sprawdzono " + r.checksTotal() + " "
                + PolishPlural.of(r.checksTotal(), "warunek", "warunki", "warunków") + ", spełnione "
                + (r.checksTotal() - failed - review) + ", niespełnione " + failed
                + (review > 0 ? ", do przeglądu " + review : ""));
        switch (r.readiness()) {
            case GOTOWE -> console.line("  GOTOWE DO WYSŁANIA");
            case GOTOWE_Z_ZASTRZEZENIEM -> console.line("  GOTOWE Z ZASTRZEŻENIEM \u2014 "
                    + String.join("; ", r.readinessReasons()));
            case NIEGOTOWE -> console.line("  NIEGOTOWE DO WYSŁANIA \u2014 " + String.join("; ", r.readinessReasons())
                    + " (szczegóły: " + r.baseFileName() + "-kontrola.pdf)");
        }
        Layout layout = layout(r);
        for (ReturnRepository.RuleResult x : reviews) {
            console.line("  DO PRZEGLĄDU (nie wstrzymuje wysłania): reguła " + x.ruleCode()
                    + (layout == null ? "" : layout.rules().stream().filter(rule -> rule.code().equals(x.ruleCode()))
                    .findFirst().map(rule -> " \u2014 " + rule.description()).orElse(""))
                    + ", warunki: " + x.failed() + " (" + r.baseFileName() + "-kontrola.pdf)");
        }
        for (ReturnRepository.CounterValue counter : returns.counters(r.id())) {
            String description = layout == null ? counter.code() : layout.counter(counter.code())
                    .map(Layout.Counter::description).orElse(counter.code());
            console.line("  " + description + ": " + counter.value());
        }
        console.line("  Złożenie: " + status.deadline(r.period()) + " (config/terminy-mrpips03.csv).");
        if (result.copiedTo() != null) {
            console.line("Pliki gotowego przebiegu skopiowano do folderu " + result.copiedTo() + ".");
        }
        console.line("Pliki:");
        for (WrittenFile file : result.files()) {
            console.line("  " + file.path());
        }
    }

    /** the layout the return was computed with, or {@code null} when that version is no longer available */
    private Layout layout(StoredReturn r) {
        try {
            return layouts.resolve(r.layoutVersion(), r.period().year());
        } catch (pl.mops.reports.system.UserError e) {
            return null;
        }
    }
}
