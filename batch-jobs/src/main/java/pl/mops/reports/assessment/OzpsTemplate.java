package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.assessment.resources.ResourceCatalogue;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Chapter;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Position;
import pl.mops.reports.assessment.resources.ResourcesPrefill;
import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.model.ValueType;

/**
 * The commented template of a resources file ({@code zasoby-<Y>.yaml}): every chapter and position of the
 * {@link ResourceCatalogue} with a Polish comment, the years Y−2, Y−1, Y left empty with TODO (an empty
 * value is an error when the assessment runs, so an unfilled template can never pass as zeros), the
 * population filled in where {@code config/ludnosc-dzielnic.csv} has the very year, and what the snapshot
 * knows (families and persons helped, families in social work) as comments. What it knows beforehand is
 * {@link #prefill()}: the workbook form of the template ({@code --xlsx}) writes the same.
 */
final class OzpsTemplate {

    /** the city's population from the district dictionary for one year */
    record Population(int year, long total, int fromYear) {
        boolean exact() {
            return fromYear == year;
        }
    }

    /** what the snapshot says about one year (the counts are 0 when the year has no data) */
    record CaseCounts(int year, boolean hasData, long familiesHelped, long personsHelped, long recipients,
                      long familiesInSocialWork) {
    }

    /** the budget chapters the template lists (the user deletes or adds) */
    static final List<String> BUDGET_EXAMPLES = List.of("85202", "85203", "85213", "85214", "85215", "85216", "85219",
            "85228", "85230");

    private final int year;
    private final List<Population> populations;
    private final List<CaseCounts> cases;
    private final String snapshotDescription;
    private final StringBuilder out = new StringBuilder();

    /**
     * @param snapshotDescription e.g. "migawki nr 3 (odcisk 0123…)"; {@code null} when there is no snapshot
     */
    OzpsTemplate(int year, List<Population> populations, List<CaseCounts> cases, String snapshotDescription) {
        this.year = year;
        this.populations = List.copyOf(populations);
        this.cases = List.copyOf(cases);
        this.snapshotDescription = snapshotDescription;
    }

    String text() {
        ResourcesPrefill prefill = prefill();
        header();
        line("");
        line("rok: " + year);
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            line("");
            chapter(chapter, prefill);
        }
        line("");
        line("# Źródła danych rozdziałów (opcjonalnie): tekst pojawi się pod tabelą rozdziału, np. \"GUS, Bank Danych "
                + "Lokalnych\".");
        line("# Pusty tekst = bez opisu źródła.");
        line(ResourceCatalogue.SOURCES + ":");
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            line("  " + chapter.key() + ": \"\"");
        }
        return out.toString();
    }

    private void header() {
        line("# Zasoby pomocy społecznej \u2014 dane do oceny zasobów pomocy społecznej (OZPS) za rok " + year);
        line("# (art. 16a ustawy o pomocy społecznej). Plik wypełnia Sekcja Strategii i Informacji.");
        line("#");
        line("# Jak wypełnić:");
        line("#  * każda pozycja ma wartości za trzy lata: " + (year - 2) + ", " + (year - 1) + ", " + year
                + " (stan na 31 XII albo cały rok);");
        line("#  * liczby osób, placówek, miejsc, umów: całkowite; etaty i kwoty (zł): najwyżej dwa miejsca po przecinku");
        line("#    (przecinek albo kropka); tysiące można oddzielić spacją (1 234), nigdy kropką ani przecinkiem;");
        line("#  * żadna wartość nie może być ujemna;");
        line("#  * wartość nieznaną wpisz jako: " + ResourceCatalogue.NO_DATA + "  (raport pokaże „brak danych”, a prognoza "
                + "pominie ten rok);");
        line("#  * puste pole (TODO) jest błędem: program wypisze wszystkie puste pola z numerami wierszy;");
        line("#  * nie dodawaj ani nie usuwaj kluczy (wyjątek: rozdziały budżetu) \u2014 nieznany klucz jest błędem;");
        line("#  * wcięcia spacjami (nie tabulatorami), po dwukropku spacja; plik w kodowaniu UTF-8.");
        line("# Uruchomienie: ./mops-reports run ozps --year " + year + " --resources zasoby-" + year + ".yaml");
        line("# Te same dane można podać jako CSV (zasoby-" + year + ".csv, kolumny rozdzial;pozycja;rok;wartosc) \u2014 "
                + "opis w docs/ozps.md.");
        line("#");
        if (snapshotDescription == null) {
            line("# W bazie nie ma jeszcze migawki danych o świadczeniach \u2014 brak liczb do porównania.");
            return;
        }
        for (String note : snapshotNotes()) {
            line("# " + note);
        }
    }

    /** what the template knows beforehand, for either form (YAML or workbook) */
    ResourcesPrefill prefill() {
        Map<String, Map<Integer, BigDecimal>> values = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> valueNotes = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        String population = ResourceCatalogue.DEMOGRAPHY + ".ludnosc_ogolem";
        for (int y = year - 2; y <= year; y++) {
            Population p = population(y);
            if (p != null && p.exact()) {
                values.computeIfAbsent(population, k -> new LinkedHashMap<>()).put(y, BigDecimal.valueOf(p.total()));
                valueNotes.computeIfAbsent(population, k -> new LinkedHashMap<>())
                        .put(y, "z config/ludnosc-dzielnic.csv (suma dzielnic) \u2014 sprawdź z danymi GUS");
            } else if (p != null) {
                notes.computeIfAbsent(population, k -> new ArrayList<>()).add(y + ": w config/ludnosc-dzielnic.csv nie ma "
                        + "tego roku; najbliższy, " + p.fromYear() + ": " + count(p.total())
                        + " (suma dzielnic, zameldowani; GUS podaje zwykle więcej).");
            }
        }
        List<String> norm = new ArrayList<>();
        norm.add("norma art. 110 ust. 11: co najmniej 3 pracowników socjalnych oraz 1 etat na 2 000 mieszkańców");
        norm.add("albo 1 etat na nie więcej niż 50 rodzin objętych pracą socjalną. Według migawki:");
        for (CaseCounts c : cases) {
            if (c.hasData()) {
                BigDecimal fte = BigDecimal.valueOf(c.familiesInSocialWork())
                        .divide(OzpsData.FAMILIES_PER_WORKER, 2, RoundingMode.HALF_UP);
                norm.add("  " + c.year() + ": rodziny objęte pracą socjalną " + count(c.familiesInSocialWork())
                        + " \u2192 co najmniej " + PolishFormats.format(fte, ValueType.DECIMAL) + " etatu wg rodzin");
            }
        }
        notes.put(ResourceCatalogue.STAFF + ".pracownicy_socjalni_etaty", norm);
        return new ResourcesPrefill(year, values, valueNotes, notes, BUDGET_EXAMPLES, snapshotNotes());
    }

    private List<String> snapshotNotes() {
        if (snapshotDescription == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Dla porównania \u2014 dane o świadczeniach z " + snapshotDescription + ":");
        for (CaseCounts c : cases) {
            if (!c.hasData()) {
                lines.add("  " + c.year() + ": brak danych");
            } else {
                lines.add("  " + c.year() + ": rodziny objęte pomocą " + count(c.familiesHelped()) + " (osoby w rodzinach "
                        + count(c.personsHelped()) + "), świadczeniobiorcy " + count(c.recipients())
                        + ", rodziny objęte pracą socjalną " + count(c.familiesInSocialWork()));
            }
        }
        return lines;
    }

    private void chapter(Chapter chapter, ResourcesPrefill prefill) {
        line("# " + chapterNumber(chapter) + " " + chapter.title());
        for (String part : wrap(chapter.comment(), 100)) {
            line("# " + part);
        }
        line(chapter.key() + ":");
        if (chapter.open()) {
            budget(prefill);
            return;
        }
        for (Position position : chapter.positions()) {
            line("  # TODO: " + position.comment() + kindHint(position));
            for (String note : prefill.notes(chapter.key(), position.key())) {
                line("  # " + note);
            }
            line("  " + position.key() + ":");
            for (int y = year - 2; y <= year; y++) {
                BigDecimal value = prefill.value(chapter.key(), position.key(), y);
                if (value != null) {
                    String note = prefill.valueNote(chapter.key(), position.key(), y);
                    line("    " + y + ": " + value.toPlainString() + (note == null ? "" : "   # " + note));
                } else {
                    line("    " + y + ":");
                }
            }
        }
    }

    private void budget(ResourcesPrefill prefill) {
        line("  # TODO: wydatki wykonane (zł) w rozdziałach klasyfikacji budżetowej działów 852, 853, 855;");
        line("  # usuń rozdziały, których nie dotyczy, dopisz inne (klucz: numer rozdziału w cudzysłowie).");
        for (String chapter : prefill.budgetChapters()) {
            line("  \"" + chapter + "\":   # " + ResourceCatalogue.BUDGET_CHAPTERS.get(chapter));
            for (int y = year - 2; y <= year; y++) {
                line("    " + y + ":");
            }
        }
    }

    static String kindHint(Position position) {
        return position.kind().hint;
    }

    private static String chapterNumber(Chapter chapter) {
        return switch (chapter.key()) {
            case ResourceCatalogue.DEMOGRAPHY, ResourceCatalogue.LABOUR -> "Rozdział 2.";
            case ResourceCatalogue.INSTITUTIONS -> "Rozdział 5.";
            case ResourceCatalogue.STAFF -> "Rozdział 6.";
            case ResourceCatalogue.BUDGET -> "Rozdział 7.";
            case ResourceCatalogue.NGO -> "Rozdział 9.";
            default -> "";
        };
    }

    private Population population(int y) {
        return populations.stream().filter(p -> p.year() == y).findFirst().orElse(null);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static String count(long value) {
        return PolishFormats.format(BigDecimal.valueOf(value), ValueType.COUNT);
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }
}
