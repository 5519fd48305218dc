package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pl.mops.reports.assessment.OzpsFigures.Measure;
import pl.mops.reports.assessment.resources.ResourceCatalogue;
import pl.mops.reports.assessment.resources.ResourcesFile;
import pl.mops.reports.database.Dictionaries.Entry;
import pl.mops.reports.database.Dictionaries.Form;
import pl.mops.reports.importing.PeriodCoverage;
import pl.mops.reports.importing.Snapshot;

/**
 * Everything an assessment is made of — the resources file, the case-data figures, the dictionaries — with
 * each row as a {@link Series} over Y−2 … Y+2, and the indicators derived from them. The report builder
 * and the findings read the same series, so the text never disagrees with the tables.
 */
final class OzpsData {

    /** norm of art. 110 ust. 11: residents per full-time social worker */
    static final BigDecimal RESIDENTS_PER_WORKER = BigDecimal.valueOf(2000);
    /** norm of art. 110 ust. 11: families and single persons in social work per full-time social worker */
    static final BigDecimal FAMILIES_PER_WORKER = BigDecimal.valueOf(50);
    /** norm of art. 110 ust. 11: at least this many social workers (persons) */
    static final BigDecimal MIN_WORKERS = BigDecimal.valueOf(3);

    static final String T10_3 = "10.3";
    static final String T10_4 = "10.4";
    static final String T10_5 = "10.5";
    static final String T10_6 = "10.6";
    static final String T10_8 = "10.8";

    final int year;
    final List<Integer> observedYears;
    final List<Integer> forecastYears;
    final ResourcesFile resources;
    final OzpsFigures figures;
    final Snapshot snapshot;
    final String unitName;
    final List<Entry> reasons;
    final List<Form> forms;

    OzpsData(int year, ResourcesFile resources, OzpsFigures figures, Snapshot snapshot, String unitName,
             List<Entry> reasons, List<Form> forms) {
        this.year = year;
        this.observedYears = List.of(year - 2, year - 1, year);
        this.forecastYears = List.of(year + 1, year + 2);
        this.resources = resources;
        this.figures = figures;
        this.snapshot = snapshot;
        this.unitName = unitName;
        this.reasons = List.copyOf(reasons);
        this.forms = List.copyOf(forms);
    }

    List<Integer> allYears() {
        List<Integer> all = new ArrayList<>(observedYears);
        all.addAll(forecastYears);
        return all;
    }

    // ---- resources ------------------------------------------------------------------------------

    Series resource(String chapter, String position) {
        ResourceCatalogue.Kind kind = ResourceCatalogue.chapter(chapter)
                .flatMap(c -> c.position(position)).map(ResourceCatalogue.Position::kind)
                .orElse(ResourceCatalogue.Kind.AMOUNT);
        Map<Integer, BigDecimal> observed = new LinkedHashMap<>();
        for (int y : observedYears) {
            observed.put(y, resources.value(chapter, position, y));
        }
        return Series.observed(observedYears, forecastYears, observed, kind.scale);
    }

    Series resourceSum(String chapter, List<String> positions, int scale) {
        List<Series> parts = new ArrayList<>();
        for (String position : positions) {
            parts.add(resource(chapter, position));
        }
        return Series.sum(observedYears, forecastYears, parts, scale);
    }

    // ---- case data ------------------------------------------------------------------------------

    /**
     * A case-data row: "brak danych" for a year without case data or outside the snapshot's span; a year the snapshot
     * covers only in part is shown but marked partial and left out of the forecast.
     */
    Series stat(String table, String row, Measure measure) {
        Map<Integer, BigDecimal> observed = new LinkedHashMap<>();
        for (int y : observedYears) {
            observed.put(y, hasCaseData(y) ? figures.value(table, row, y, measure) : null);
        }
        return Series.observed(observedYears, forecastYears, observed, measure == Measure.AMOUNT ? 2 : 0,
                partialYears());
    }

    /** what the snapshot holds of year {@code y} (its coverage span) */
    PeriodCoverage coverage(int y) {
        return snapshot.coverage().of(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    }

    /** whether the snapshot has case data for year {@code y}: some record in it, and the year within its span */
    boolean hasCaseData(int y) {
        return figures.hasData(y) && !coverage(y).none();
    }

    /** the observed years with case data that the snapshot covers only in part */
    Set<Integer> partialYears() {
        Set<Integer> partial = new java.util.TreeSet<>();
        for (int y : observedYears) {
            if (hasCaseData(y) && coverage(y).partial()) {
                partial.add(y);
            }
        }
        return partial;
    }

    /** whether year {@code y} has complete case data (usable for comparisons and the forecast) */
    boolean completeCaseData(int y) {
        return hasCaseData(y) && coverage(y).complete();
    }

    // ---- indicators -----------------------------------------------------------------------------

    Series population() {
        return resource(ResourceCatalogue.DEMOGRAPHY, "ludnosc_ogolem");
    }

    Series socialWorkers() {
        return resource(ResourceCatalogue.STAFF, "pracownicy_socjalni_osoby");
    }

    Series socialWorkerFte() {
        return resource(ResourceCatalogue.STAFF, "pracownicy_socjalni_etaty");
    }

    Series familiesInSocialWork() {
        return stat(T10_3, "PRACA_SOCJALNA", Measure.FAMILIES);
    }

    Series familiesHelped() {
        return stat(T10_3, "OBJETE_POMOCA", Measure.FAMILIES);
    }

    Series residentsPerWorker() {
        return Series.ratio(population(), socialWorkerFte(), BigDecimal.ONE, 2);
    }

    Series familiesInSocialWorkPerWorker() {
        return Series.ratio(familiesInSocialWork(), socialWorkerFte(), BigDecimal.ONE, 2);
    }

    Series familiesHelpedPerWorker() {
        return Series.ratio(familiesHelped(), socialWorkerFte(), BigDecimal.ONE, 2);
    }

    Series requiredFteByResidents() {
        return Series.ratio(population(), Series.constant(this, RESIDENTS_PER_WORKER), BigDecimal.ONE, 2);
    }

    Series requiredFteByFamilies() {
        return Series.ratio(familiesInSocialWork(), Series.constant(this, FAMILIES_PER_WORKER), BigDecimal.ONE, 2);
    }

    /**
     * Whether the employment of social workers meets art. 110 ust. 11 (wording in force since 1 January 2015):
     * at least 3 social workers, and full-time social workers either at least 1 per 2 000 residents or at
     * least 1 per 50 families in social work. {@code null} = cannot be said (brak danych).
     */
    Boolean normMet(int y) {
        Series fte = socialWorkerFte();
        Series persons = socialWorkers();
        Series population = population();
        Series families = familiesInSocialWork();
        if (fte.at(y) == null || persons.at(y) == null) {
            return null;
        }
        if (persons.at(y).compareTo(MIN_WORKERS) < 0) {
            return false;
        }
        Boolean byResidents = population.at(y) == null ? null
                : fte.at(y).multiply(RESIDENTS_PER_WORKER).compareTo(population.at(y)) >= 0;
        Boolean byFamilies = families.at(y) == null ? null
                : fte.at(y).multiply(FAMILIES_PER_WORKER).compareTo(families.at(y)) >= 0;
        if (Boolean.TRUE.equals(byResidents) || Boolean.TRUE.equals(byFamilies)) {
            return true;
        }
        if (byResidents == null || byFamilies == null) {
            return null;
        }
        return false;
    }

    Series recipients() {
        return stat(T10_3, "SWIADCZENIA", Measure.RECIPIENTS);
    }

    Series recipientsPerThousand() {
        return Series.ratio(recipients(), population(), BigDecimal.valueOf(1000), 2);
    }

    Series personsInFamiliesPerThousand() {
        return Series.ratio(stat(T10_3, "SWIADCZENIA", Measure.PERSONS), population(), BigDecimal.valueOf(1000), 2);
    }

    Series benefitAmount() {
        return stat(T10_3, "SWIADCZENIA", Measure.AMOUNT);
    }

    Series amountPerRecipient() {
        return Series.ratio(benefitAmount(), recipients(), BigDecimal.ONE, 2);
    }

    Series amountPerFamily() {
        return Series.ratio(benefitAmount(), stat(T10_3, "SWIADCZENIA", Measure.FAMILIES), BigDecimal.ONE, 2);
    }
}
