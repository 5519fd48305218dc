package pl.mops.reports.assessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import pl.mops.reports.assessment.resources.ResourcesPrefill;
import pl.mops.reports.assessment.resources.ResourcesWorkbookWriter;
import pl.mops.reports.system.CliCommand;
import pl.mops.reports.system.CommandLine;
import pl.mops.reports.system.Console;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.database.Dictionaries;
import pl.mops.reports.database.Dictionaries.DistrictPopulation;
import pl.mops.reports.database.NamedQueries;
import pl.mops.reports.importing.Snapshot;
import pl.mops.reports.importing.SnapshotRepository;
import pl.mops.reports.rendering.ReportFileWriter;

/**
 * {@code ozps template --year Y [--out DIR] [--snapshot ID]}: writes the commented template of the resources
 * file, {@code zasoby-<Y>.yaml}, by default into {@code $MOPS_HOME/zasoby/} where {@code run ozps} looks for
 * it; with {@code --xlsx} the workbook {@code zasoby-<Y>.xlsx} instead ({@code --out} a folder or a file
 * ending in .xlsx), prefilled from the same template. Never overwrites an existing file.
 */
@Component
public class OzpsCommand implements CliCommand {

    private final OzpsAssessmentService service;
    private final SnapshotRepository snapshots;
    private final Dictionaries dictionaries;
    private final NamedParameterJdbcTemplate jdbc;
    private final NamedQueries queries;
    private final Console console;
    private final TransactionTemplate transaction;

    public OzpsCommand(OzpsAssessmentService service, SnapshotRepository snapshots, Dictionaries dictionaries,
                       NamedParameterJdbcTemplate jdbc, NamedQueries queries, Console console,
                       TransactionTemplate transaction) {
        this.transaction = transaction;
        this.service = service;
        this.snapshots = snapshots;
        this.dictionaries = dictionaries;
        this.jdbc = jdbc;
        this.queries = queries;
        this.console = console;
    }

    @Override
    public String name() {
        return "ozps";
    }

    @Override
    public ExitCode execute(CommandLine line) {
        String action = line.argument(0).orElseThrow(() -> new UserError(
                "Podaj czynność, np.: ./mops-reports ozps template --year 2025", ExitCode.INVALID_INPUT, null));
        if (!action.equals("template")) {
            throw new UserError("Nieznana czynność \"" + action + "\". Dostępne: template.", ExitCode.INVALID_INPUT, null);
        }
        int year = line.option("year", Integer::valueOf, "rok w postaci RRRR, np. 2025")
                .orElseThrow(() -> new UserError("Podaj rok oceny: --year RRRR", ExitCode.INVALID_INPUT, null));
        service.checkYear(year);
        Long snapshotId = line.option("snapshot", Long::valueOf, "numer migawki").orElse(null);
        if (line.flag("xlsx")) {
            Path out = line.option("out").map(Path::of).orElse(service.defaultResourcesDir());
            Path file = out.getFileName() != null && out.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".xlsx") ? out : out.resolve("zasoby-" + year + ".xlsx");
            file = writeWorkbook(year, file, snapshotId);
            console.line("Zapisano skoroszyt pliku zasobów: " + file);
            console.line("Wypełnij go (arkusz „Instrukcja” opisuje jak) i uruchom: ./mops-reports run ozps --year " + year
                    + (file.getParent().equals(service.defaultResourcesDir().toAbsolutePath().normalize()) ? ""
                    : " --resources " + file));
            return ExitCode.SUCCESS;
        }
        Path dir = line.option("out").map(Path::of).orElse(service.defaultResourcesDir());
        Path file = write(year, dir, snapshotId);
        console.line("Zapisano szablon pliku zasobów: " + file);
        console.line("Wypełnij go (komentarze opisują każdą pozycję) i uruchom: ./mops-reports run ozps --year " + year
                + (dir.equals(service.defaultResourcesDir()) ? "" : " --resources " + file));
        return ExitCode.SUCCESS;
    }

    /**
     * writes the workbook form of the template ({@code zasoby-<Y>.xlsx}) to {@code file}, with what the YAML
     * template would prefill; refuses to overwrite a file
     */
    public Path writeWorkbook(int year, Path file, Long snapshotId) {
        Path target = file.toAbsolutePath().normalize();
        refuseExisting(target);
        byte[] bytes = ResourcesWorkbookWriter.write(template(year, snapshotId).prefill());
        try {
            Files.createDirectories(target.getParent());
            ReportFileWriter.writeAtomically(target, bytes);
        } catch (IOException e) {
            throw new UserError("Nie można zapisać skoroszytu " + target + " (" + e.getMessage() + ").", ExitCode.FILE_ERROR, e);
        }
        return target;
    }

    private static void refuseExisting(Path file) {
        if (Files.exists(file)) {
            throw new UserError("Plik " + file + " już istnieje \u2014 nie nadpisuję go. Usuń go albo podaj inne miejsce "
                    + "(--out).", ExitCode.INVALID_INPUT, null);
        }
    }

    /** what the template of a year prefills (the console's resources form starts from it) */
    public ResourcesPrefill prefill(int year) {
        return template(year, null).prefill();
    }

    /** the template of a year, knowing what the database knows (the population, the snapshot's counts) */
    OzpsTemplate template(int year, Long snapshotId) {
        Optional<Snapshot> snapshot = snapshotId != null ? Optional.of(snapshots.resolve(snapshotId)) : snapshots.newest();
        return new OzpsTemplate(year, populations(year), snapshot.map(s -> caseCounts(s, year)).orElse(List.of()),
                snapshot.map(s -> "migawki nr " + s.id() + " (odcisk " + s.shortFingerprint() + "\u2026)").orElse(null));
    }

    /** writes the template; refuses to overwrite a file (a filled-in one would be lost) */
    public Path write(int year, Path dir, Long snapshotId) {
        Path file = dir.resolve("zasoby-" + year + ".yaml").toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new UserError("Plik " + file + " już istnieje \u2014 nie nadpisuję go. Usuń go albo podaj inny katalog "
                    + "(--out KATALOG).", ExitCode.INVALID_INPUT, null);
        }
        OzpsTemplate template = template(year, snapshotId);
        try {
            Files.createDirectories(file.getParent());
            ReportFileWriter.writeAtomically(file, template.text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("Nie można zapisać szablonu " + file + " (" + e.getMessage() + ").", ExitCode.FILE_ERROR, e);
        }
        return file;
    }

    private List<OzpsTemplate.Population> populations(int year) {
        List<OzpsTemplate.Population> result = new ArrayList<>();
        for (int y = year - 2; y <= year; y++) {
            final int target = y;
            Map<String, DistrictPopulation> byDistrict = dictionaries.populations(target);
            if (byDistrict.isEmpty()) {
                continue;
            }
            long total = byDistrict.values().stream().mapToLong(DistrictPopulation::population).sum();
            // the figure is of year y only when every district has y; otherwise name the oldest year used
            int from = byDistrict.values().stream().allMatch(p -> p.year() == target) ? target
                    : byDistrict.values().stream().mapToInt(DistrictPopulation::year).filter(v -> v != target).min()
                    .orElse(target);
            result.add(new OzpsTemplate.Population(target, total, from));
        }
        return result;
    }

    private List<OzpsTemplate.CaseCounts> caseCounts(Snapshot snapshot, int year) {
        Map<String, Object> args = new HashMap<>();
        args.put("snapshotId", snapshot.id());
        args.put("year", year);
        Map<Integer, Boolean> hasData = new HashMap<>();
        jdbc.query(queries.get("ozps-years"), args, rs -> {
            hasData.put(rs.getInt("year"), rs.getLong("realisations") + rs.getLong("decisions") + rs.getLong("social_work") > 0);
        });
        Map<String, long[]> rows = new HashMap<>();
        transaction.executeWithoutResult(status -> { // the reference sets are temporary tables of one transaction
            OzpsAggregationTasklet.buildBase(jdbc, queries, args);
            jdbc.query("SELECT q.row_code, q.year, q.families, q.persons_in_families, q.recipients FROM (\n"
                    + OzpsAggregationTasklet.tableStatement(queries, "ozps-10-3-families") + "\n) q "
                    + "(" + OzpsAggregationTasklet.STAT_COLUMNS + ")", args, rs -> {
                rows.put(rs.getString(1) + "/" + rs.getInt(2), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            });
        });
        List<OzpsTemplate.CaseCounts> result = new ArrayList<>();
        for (int y = year - 2; y <= year; y++) {
            long[] helped = rows.getOrDefault("OBJETE_POMOCA/" + y, new long[3]);
            long[] benefits = rows.getOrDefault("SWIADCZENIA/" + y, new long[3]);
            long[] work = rows.getOrDefault("PRACA_SOCJALNA/" + y, new long[3]);
            result.add(new OzpsTemplate.CaseCounts(y, hasData.getOrDefault(y, false), helped[0], helped[1], benefits[2],
                    work[0]));
        }
        return result;
    }
}
