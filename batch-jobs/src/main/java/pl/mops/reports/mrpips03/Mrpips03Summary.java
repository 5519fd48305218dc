package pl.mops.reports.mrpips03;

import org.springframework.stereotype.Component;

import pl.mops.reports.cli.Console;
import pl.mops.reports.cli.PolishTimes;
import pl.mops.reports.mrpips03.ReturnRepository.StoredReturn;
import pl.mops.reports.rendering.WrittenFile;

/** Prints the outcome of an MRPiPS-03 run in Polish: files, cells, control rules, ready to send or not. */
@Component
public class Mrpips03Summary {

    private final Console console;

    public Mrpips03Summary(Console console) {
        this.console = console;
    }

    public void print(Mrpips03Service.Result result) {
        StoredReturn r = result.stored();
        String what = "Sprawozdanie MRPiPS-03 za " + r.period().polishName()
                + (r.correction() == 0 ? "" : ", korekta nr " + r.correction());
        if (result.reused()) {
            console.line(what + " dla migawki " + r.snapshotId() + " i układu " + r.layoutVersion()
                    + " było już policzone; nic nie liczono ponownie (ponowne przeliczenie: --rerun).");
        } else {
            console.line(what + " policzone (migawka " + r.snapshotId() + ", układ " + r.formSymbol() + " "
                    + r.layoutVersion() + ", czas " + PolishTimes.duration(result.duration()) + ").");
        }
        result.laterCorrection().ifPresent(later -> console.line("Uwaga: istnieje nowsza wersja tego sprawozdania "
                + "(korekta nr " + later.correction() + ", migawka " + later.snapshotId() + ")."));
        console.line("  komórki: " + result.cells());
        int failed = r.checksFailed() == null ? 0 : r.checksFailed();
        console.line("  reguły kontrolne: sprawdzono " + r.checksTotal() + " warunków, spełnione " + (r.checksTotal() - failed)
                + ", niespełnione " + failed);
        console.line(Boolean.TRUE.equals(r.readyToSend())
                ? "  GOTOWE DO WYSŁANIA"
                : "  NIE JEST GOTOWE DO WYSŁANIA \u2014 niespełnione reguły kontrolne opisuje plik "
                        + Mrpips03JobParameters.baseFileName(r.period(), r.correction()) + "-kontrola.pdf");
        console.line("Pliki:");
        for (WrittenFile file : result.files()) {
            console.line("  " + file.path());
        }
    }
}
