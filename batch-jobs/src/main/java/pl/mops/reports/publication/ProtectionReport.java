package pl.mops.reports.publication;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The audit of a publication's disclosure control, for the auditors' package ({@code ochrona-tajemnicy.txt}, Polish,
 * UTF-8, LF): settings, how many figures were published and hidden, how many rounds and problems it took, the
 * narrowest protection left, and per hidden figure its key and the range a reader can compute from the published
 * tables. It never gives the true value of a hidden figure (every range is what a reader can compute anyway; only
 * the narrowest protection, in whole percent, comes from the true values) nor a name or identifier. The same
 * document gives the same bytes.
 *
 * @param figures           the figures of the document (each key once)
 * @param iterations        rounds of secondary suppression
 * @param problemsSolved    linear and mixed-integer problems solved
 * @param findings          every hidden figure, in document order
 * @param narrowestPercent  the narrowest protection left among tied figures, in whole percent rounded down; null
 *                          when there is none
 */
public record ProtectionReport(int threshold, int level, int figures, RelationCounts relations, int iterations,
                               long problemsSolved, List<IntervalAudit.Finding> findings, Integer narrowestPercent) {

    /** the entry of the auditors' package */
    public static final String FILE_NAME = "ochrona-tajemnicy.txt";

    public ProtectionReport {
        findings = List.copyOf(findings);
    }

    /** the relations the audit used, by kind as the layout gives it */
    public static final class RelationCounts {
        int sums;
        int covers;
        int subsets;
        int assumed;
        /** covers whose total equals the sum of their parts, audited as sums */
        int exactCovers;
        /** assumed relations that do not hold, left out */
        int dropped;

        void count(Relation relation) {
            switch (relation.kind()) {
                case SUM -> sums++;
                case COVER -> covers++;
                case SUBSETS -> subsets++;
            }
            if (relation.assumed()) {
                assumed++;
            }
        }
    }

    public long count(Mark mark) {
        return findings.stream().filter(f -> f.role() == mark).count();
    }

    /** whether every small and tied figure is safe */
    public boolean allSafe() {
        return findings.stream().allMatch(IntervalAudit.Finding::safe);
    }

    public String text() {
        String small = "„<" + threshold + "”";
        StringBuilder out = new StringBuilder();
        out.append("Ochrona tajemnicy statystycznej \u2014 audyt przedziałowy (profil publikacji)\n\n");
        out.append("Próg: ").append(threshold).append(" \u2014 liczby rodzin i osób od 1 do ").append(threshold - 1)
                .append(" pokazano jako ").append(small).append(".\n");
        out.append("Poziom ochrony: ").append(level).append(" % \u2014 wartość ukryta, bo liczba rodzin lub osób jej grupy "
                + "jest mała (kwota, liczba świadczeń, osoby w rodzinach), musi móc leżeć co najmniej ").append(level)
                .append(" % poniżej i powyżej swojej wartości.\n\n");
        long smallCount = count(Mark.SMALL);
        long masked = count(Mark.MASKED);
        long tied = count(Mark.TIED);
        long secondary = count(Mark.SECONDARY);
        out.append("Wartości w dokumencie (każda liczona raz, choćby była w kilku tabelach): ").append(figures).append('\n');
        out.append("  opublikowane: ").append(figures - findings.size()).append('\n');
        out.append("  ").append(small).append(": ").append(smallCount).append('\n');
        out.append("  „x”: ").append(masked + tied + secondary).append(" (małe liczby, których ").append(small)
                .append(" zdradziłoby wartość razem z innymi: ").append(masked).append(", wartości grupy z małą liczbą: ")
                .append(tied).append(", ukryte wtórnie: ").append(secondary).append(")\n");
        out.append("Relacje między wartościami: ").append(relations.sums + relations.covers + relations.subsets)
                .append(" (sumy: ").append(relations.sums).append(", pokrycia liczb bez powtórzeń: ")
                .append(relations.covers).append(", zawieranie: ").append(relations.subsets).append(")\n");
        out.append("  pokrycia, które w danych są dokładną sumą (sprawdzane jak suma): ").append(relations.exactCovers)
                .append('\n');
        out.append("  relacje odczytane z etykiet, których zasady liczenia nie gwarantują (np. filia = suma jej dzielnic): ")
                .append(relations.assumed).append(", z tego niespełnione w danych i pominięte: ")
                .append(relations.dropped).append('\n');
        out.append("Iteracje ukrywania wtórnego: ").append(iterations).append('\n');
        out.append("Rozwiązane zadania programowania liniowego i całkowitoliczbowego: ").append(problemsSolved)
                .append("\n\n");
        out.append(allSafe() ? "Wynik: każda ukryta wartość jest chroniona.\n"
                : "Wynik: NIE każda ukryta wartość jest chroniona.\n");
        Map<String, Long> sets = new TreeMap<>(findings.stream().filter(f -> f.role().primary())
                .collect(Collectors.groupingBy(f -> f.possible().stream().map(String::valueOf)
                        .collect(Collectors.joining(", ", "{", "}")), Collectors.counting())));
        out.append("  małe liczby (").append(small).append(" i zamaskowane „x”): możliwe wartości (zbiór: liczba komórek; ")
                .append(threshold).append(" przy zamaskowanej to „").append(threshold).append(" lub więcej”): ")
                .append(sets.isEmpty() ? "brak takich wartości" : sets.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")))
                .append('\n');
        out.append("  wartości grupy z małą liczbą: ").append(narrowestPercent == null ? "brak takich wartości"
                : "najwęższy zakres sięga co najmniej " + narrowestPercent + " % poniżej i powyżej wartości "
                + "(zaokrąglone w dół do pełnego procentu)").append("\n\n");
        out.append("Metoda: czytelnik zna opublikowane wartości i relacje między nimi (sumy, pokrycia liczb bez powtórzeń "
                + "max(część) ≤ całość ≤ Σ części, zawieranie część ≤ całość), wie, że ").append(small)
                .append(" to liczba całkowita od 1 do ").append(threshold - 1).append(", że liczba rodzin lub osób oznaczona „x” "
                + "wynosi co najmniej 1 (zero jest zawsze publikowane), a pozostałe liczby i kwoty są nieujemne. Zakres każdej "
                + "ukrytej wartości to jej minimum i maksimum w programie liniowym (ojAlgo; liczby całkowite zaokrąglone do "
                + "wewnątrz, kwoty do grosza); dla małych liczb sprawdzono całkowitoliczbowo (MIP) każdą wartość od 1 do ")
                .append(threshold - 1).append(" (przy zamaskowanych także ").append(threshold).append(").\n\n");
        out.append("Ukryte wartości w kolejności dokumentu (zakres zgodny z opublikowanymi tabelami):\n");
        out.append("klucz;oznaczenie;od;do;mozliwe\n");
        for (IntervalAudit.Finding finding : findings) {
            out.append(finding.key()).append(';')
                    .append(switch (finding.role()) {
                        case SMALL -> "<" + threshold;
                        case MASKED -> "x (mała liczba)";
                        case TIED -> "x (wartość małej grupy)";
                        case SECONDARY -> "x (wtórnie)";
                    }).append(';')
                    .append(number(finding.lower())).append(';')
                    .append(finding.upper() == null ? "bez ograniczenia" : number(finding.upper())).append(';')
                    .append(finding.possible().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return out.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }
}
