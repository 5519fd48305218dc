package pl.mops.reports.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pl.mops.reports.assessment.OzpsFigures.Measure;
import pl.mops.reports.database.Dictionaries.Entry;
import pl.mops.reports.database.Dictionaries.Form;
import pl.mops.reports.rendering.PolishFormats;
import pl.mops.reports.rendering.PolishPlural;
import pl.mops.reports.rendering.model.ValueType;

/**
 * The findings ({@code ozps-<Y>-wnioski.txt}): short Polish sentences generated from the same series as the
 * tables, for the strategy section to edit into its document — the change in families helped, the largest
 * rises and falls in families by reason and in benefits (by the number of families or persons, then by
 * percent, then in dictionary order), refusals, the staffing norm and the forecast. The year Y is compared
 * with the latest earlier year that has data. Same figures, same text.
 */
final class OzpsFindings {

    /** how many rises and how many falls are named per section */
    static final int TOP = 3;

    private static final Map<String, String> REASON_GENITIVE = Map.ofEntries(
            Map.entry("UBOSTWO", "ubóstwa"),
            Map.entry("SIEROCTWO", "sieroctwa"),
            Map.entry("BEZDOMNOSC", "bezdomności"),
            Map.entry("MACIERZYNSTWO", "potrzeby ochrony macierzyństwa"),
            Map.entry("BEZROBOCIE", "bezrobocia"),
            Map.entry("NIEPELNOSPRAWNOSC", "niepełnosprawności"),
            Map.entry("CHOROBA", "długotrwałej lub ciężkiej choroby"),
            Map.entry("PRZEMOC", "przemocy domowej"),
            Map.entry("HANDEL_LUDZMI", "potrzeby ochrony ofiar handlu ludźmi"),
            Map.entry("BEZRADNOSC", "bezradności w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego"),
            Map.entry("ALKOHOLIZM", "alkoholizmu"),
            Map.entry("NARKOMANIA", "narkomanii"),
            Map.entry("ZAKLAD_KARNY", "trudności w przystosowaniu do życia po opuszczeniu zakładu karnego"),
            Map.entry("INTEGRACJA_CUDZOZIEMCOW", "trudności w integracji cudzoziemców"),
            Map.entry("ZDARZENIE_LOSOWE", "zdarzenia losowego"),
            Map.entry("SYTUACJA_KRYZYSOWA", "sytuacji kryzysowej"),
            Map.entry("KLESKA", "klęski żywiołowej lub ekologicznej"));

    private static final Map<String, String> FORM_GENITIVE = Map.ofEntries(
            Map.entry("ZASILEK_STALY", "zasiłku stałego"),
            Map.entry("ZASILEK_OKRESOWY", "zasiłku okresowego"),
            Map.entry("ZASILEK_CELOWY", "zasiłku celowego"),
            Map.entry("SPECJALNY_ZASILEK_CELOWY", "specjalnego zasiłku celowego"),
            Map.entry("EKONOMICZNE_USAMODZIELNIENIE", "pomocy na ekonomiczne usamodzielnienie"),
            Map.entry("POSILEK", "pomocy w formie posiłku"),
            Map.entry("SCHRONIENIE", "pomocy w formie schronienia"),
            Map.entry("UBRANIE", "pomocy w formie ubrania"),
            Map.entry("USLUGI_OPIEKUNCZE", "usług opiekuńczych"),
            Map.entry("POGRZEB", "sprawienia pogrzebu"),
            Map.entry("DPS", "pobytu w domu pomocy społecznej opłacanego przez gminę"),
            Map.entry("SKLADKA_ZDROWOTNA", "składki na ubezpieczenie zdrowotne"),
            Map.entry("SPECJALISTYCZNE_USLUGI_ZABURZENIA", "specjalistycznych usług opiekuńczych dla osób z zaburzeniami "
                    + "psychicznymi"),
            Map.entry("WYNAGRODZENIE_OPIEKUNA", "wynagrodzenia dla opiekuna prawnego"),
            Map.entry("ZASILEK_CELOWY_KLESKA", "zasiłku celowego w związku z klęską żywiołową lub ekologiczną"),
            Map.entry("POMOC_CUDZOZIEMCOM", "pomocy dla cudzoziemców"));

    private final OzpsData data;
    private final int year;

    OzpsFindings(OzpsData data) {
        this.data = data;
        this.year = data.year;
    }

    /** the file's bytes: UTF-8 with a BOM and CRLF line ends (for Windows editors) */
    byte[] toBytes() {
        return ("\uFEFF" + String.join("\r\n", lines()) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Ocena zasobów pomocy społecznej za rok " + year + " \u2014 wnioski z danych");
        lines.add(data.unitName);
        Optional<Integer> base = baseYear();
        if (!data.hasCaseData(year)) {
            lines.add("");
            lines.add("Migawka nie zawiera danych o świadczeniach, decyzjach ani pracy socjalnej za rok " + year
                    + " \u2014 wniosków o pomocy w tym roku nie można sformułować.");
            staffing(lines, 1);
            return lines;
        }
        lines.add("Tekst wygenerowany z liczb raportu ozps-" + year + (base.isPresent()
                ? "; rok " + year + " porównano z rokiem " + base.get() + "." : "; brak wcześniejszego roku z danymi do porównania."));
        for (int y : data.observedYears) {
            if (!data.hasCaseData(y)) {
                lines.add("Brak danych o świadczeniach za rok " + y + " \u2014 ten rok pominięto w porównaniach i w prognozie.");
            } else if (!data.completeCaseData(y)) {
                lines.add("Dane o świadczeniach za rok " + y + " są niepełne (" + data.coverage(y).held()
                        + ") \u2014 " + (y == year ? "liczby za ten rok są niepełne, więc nie porównano ich z innymi "
                        + "latami." : "ten rok pominięto w porównaniach i w prognozie."));
            }
        }
        lines.add("");
        lines.add("1. Osoby i rodziny objęte pomocą");
        Series helped = data.familiesHelped();
        lines.add("- W " + year + " r. pomocą (świadczenia lub praca socjalna) objęto " + count(helped.at(year)) + " "
                + PolishPlural.of(helped.at(year).longValue(), "rodzinę", "rodziny", "rodzin")
                + base.map(b -> " (w " + b + " r. \u2014 " + count(helped.at(b)) + ")").orElse("") + ".");
        base.ifPresent(b -> {
            lines.add("- " + change("Liczba rodzin objętych pomocą", helped.at(b), helped.at(year), false));
            Series recipients = data.recipients();
            lines.add("- " + change("Liczba świadczeniobiorców", recipients.at(b), recipients.at(year), false));
            Series socialWork = data.familiesInSocialWork();
            lines.add("- " + change("Liczba rodzin objętych pracą socjalną", socialWork.at(b),
                    socialWork.at(year), false));
        });
        Series perThousand = data.recipientsPerThousand();
        if (perThousand.at(year) != null) {
            lines.add("- Wskaźnik świadczeniobiorców na 1 000 mieszkańców: " + decimal(perThousand.at(year))
                    + base.filter(b -> perThousand.at(b) != null).map(b -> " (w " + b + " r.: " + decimal(perThousand.at(b)) + ")")
                    .orElse("") + ".");
        }
        Series perRecipient = data.amountPerRecipient();
        if (perRecipient.at(year) != null) {
            lines.add("- Przeciętna kwota świadczeń na świadczeniobiorcę: " + amount(perRecipient.at(year))
                    + base.filter(b -> perRecipient.at(b) != null).map(b -> " (w " + b + " r.: " + amount(perRecipient.at(b)) + ")")
                    .orElse("") + "; na rodzinę: " + amountOrDash(data.amountPerFamily().at(year)) + ".");
        }
        if (base.isPresent()) {
            int b = base.get();
            lines.add("");
            lines.add("2. Powody przyznania pomocy \u2014 największe zmiany (liczba rodzin)");
            List<Change> reasonChanges = new ArrayList<>();
            for (int i = 0; i < data.reasons.size(); i++) {
                Entry reason = data.reasons.get(i);
                Series families = data.stat(OzpsData.T10_4, reason.code(), Measure.FAMILIES);
                reasonChanges.add(new Change(i, "Liczba rodzin objętych pomocą z powodu " + reasonGenitive(reason),
                        families.at(b), families.at(year), false,
                        "z powodu " + reasonGenitive(reason)));
            }
            addLargest(lines, reasonChanges, "- Liczba rodzin nie zmieniła się przy żadnym z powodów.");
            lines.add("");
            lines.add("3. Świadczenia \u2014 największe zmiany");
            List<Change> recipients = new ArrayList<>();
            List<Change> amounts = new ArrayList<>();
            for (int i = 0; i < data.forms.size(); i++) {
                Form form = data.forms.get(i);
                String table = form.cash() ? OzpsData.T10_5 : OzpsData.T10_6;
                Series r = data.stat(table, form.code(), Measure.RECIPIENTS);
                Series a = data.stat(table, form.code(), Measure.AMOUNT);
                recipients.add(new Change(i, "Liczba świadczeniobiorców " + formGenitive(form),
                        r.at(b), r.at(year), false, null));
                amounts.add(new Change(i, "Kwota " + formGenitive(form), a.at(b), a.at(year), true, null));
            }
            addLargest(lines, recipients, "- Liczba świadczeniobiorców nie zmieniła się w żadnej formie pomocy.");
            addLargest(lines, amounts, "- Kwoty świadczeń nie zmieniły się w żadnej formie pomocy.");
            Series cash = data.stat(OzpsData.T10_5, "OGOLEM", Measure.AMOUNT);
            lines.add("- " + change("Kwota świadczeń pieniężnych ogółem", cash.at(b), cash.at(year), true));
            lines.add("");
            lines.add("4. Odmowy");
            Series refusals = data.stat(OzpsData.T10_8, "OGOLEM", Measure.DECISIONS);
            long n = refusals.at(year).longValue();
            lines.add("- W " + year + " r. wydano " + count(refusals.at(year)) + " "
                    + PolishPlural.of(n, "decyzję odmowną", "decyzje odmowne", "decyzji odmownych")
                    + " (w " + b + " r. \u2014 " + count(refusals.at(b)) + ").");
        } else {
            lines.add("");
            lines.add("2. Zmiany \u2014 brak wcześniejszego roku z danymi; porównań nie sporządzono.");
        }
        // sections follow one another: without a year to compare with, the changes are one section (2), not three
        int staffingSection = base.isPresent() ? 5 : 3;
        staffing(lines, staffingSection);
        lines.add("");
        lines.add((staffingSection + 1) + ". Prognoza");
        Series forecast = data.familiesHelped();
        int last = year + 2;
        lines.add("- Według trendu liniowego liczba rodzin objętych pomocą wyniesie w " + (year + 1) + " r. ok. "
                + count(forecast.at(year + 1)) + ", a w " + last + " r. ok. " + count(forecast.at(last)) + ".");
        return lines;
    }

    private void staffing(List<String> lines, int section) {
        lines.add("");
        lines.add(section + ". Kadra pracowników socjalnych (art. 110 ust. 11 ustawy o pomocy społecznej)");
        Series residents = data.residentsPerWorker();
        Series families = data.familiesInSocialWorkPerWorker();
        Series persons = data.socialWorkers();
        if (residents.at(year) != null) {
            boolean over = residents.at(year).compareTo(OzpsData.RESIDENTS_PER_WORKER) > 0;
            long n = residents.at(year).setScale(0, RoundingMode.HALF_UP).longValue();
            lines.add("- Na 1 etat pracownika socjalnego " + (n == 1 ? "przypadał " : "przypadało ") + count(residents.at(year))
                    + " " + PolishPlural.of(n, "mieszkaniec", "mieszkańców", "mieszkańców")
                    + (over ? " \u2014 więcej niż 2 000, wskaźnik poza normą." : " \u2014 nie więcej niż 2 000, w normie."));
        } else {
            lines.add("- Liczby mieszkańców na 1 etat pracownika socjalnego nie można obliczyć (brak danych).");
        }
        if (families.at(year) != null) {
            boolean over = families.at(year).compareTo(OzpsData.FAMILIES_PER_WORKER) > 0;
            lines.add("- Na 1 etat pracownika socjalnego przypadało " + decimal(families.at(year))
                    + " rodziny objętej pracą socjalną"
                    + (over ? " \u2014 więcej niż 50, wskaźnik poza normą." : " \u2014 nie więcej niż 50, w normie."));
        }
        if (persons.at(year) != null && persons.at(year).compareTo(OzpsData.MIN_WORKERS) < 0) {
            lines.add("- Ośrodek zatrudnia mniej niż 3 pracowników socjalnych.");
        }
        Boolean met = data.normMet(year);
        lines.add("- " + (met == null ? "Spełnienia normy zatrudnienia w " + year + " r. nie można ocenić (brak danych)."
                : met ? "Norma zatrudnienia pracowników socjalnych w " + year + " r. jest spełniona."
                : "Norma zatrudnienia pracowników socjalnych w " + year + " r. nie jest spełniona."));
        for (int y : data.forecastYears) {
            Boolean forecastMet = data.normMet(y);
            if (met != null && forecastMet != null && !forecastMet.equals(met)) {
                lines.add("- Według prognozy norma " + (forecastMet ? "będzie spełniona" : "nie będzie spełniona")
                        + " w " + y + " r.");
                break;
            }
        }
    }

    // ---- changes --------------------------------------------------------------------------------

    /** a change between the base year and Y; {@code ordinal} keeps dictionary order among equals */
    private record Change(int ordinal, String subject, BigDecimal before, BigDecimal after, boolean money,
                          String reasonPhrase) {

        BigDecimal difference() {
            return after.subtract(before);
        }

        BigDecimal percent() {
            return before.signum() == 0 ? null
                    : difference().multiply(BigDecimal.valueOf(100)).divide(before, 10, RoundingMode.HALF_UP);
        }
    }

    private static final Comparator<Change> LARGEST = Comparator
            .comparing((Change c) -> c.difference().abs()).reversed()
            .thenComparing(c -> c.percent() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : c.percent().abs(),
                    Comparator.reverseOrder())
            .thenComparingInt(Change::ordinal);

    private void addLargest(List<String> lines, List<Change> changes, String noChange) {
        List<Change> rises = changes.stream().filter(c -> c.before != null && c.after != null && c.difference().signum() > 0)
                .sorted(LARGEST).limit(TOP).toList();
        List<Change> falls = changes.stream().filter(c -> c.before != null && c.after != null && c.difference().signum() < 0)
                .sorted(LARGEST).limit(TOP).toList();
        if (rises.isEmpty() && falls.isEmpty()) {
            lines.add(noChange);
            return;
        }
        for (Change c : rises) {
            lines.add("- " + sentence(c));
        }
        for (Change c : falls) {
            lines.add("- " + sentence(c));
        }
    }

    private String sentence(Change c) {
        if (c.before.signum() == 0 && c.reasonPhrase != null) {
            long n = c.after.longValue();
            return "Z powodu " + c.reasonPhrase.substring("z powodu ".length()) + " pomocą objęto " + count(c.after) + " "
                    + PolishPlural.of(n, "rodzinę", "rodziny", "rodzin") + " (w " + baseYear().orElseThrow()
                    + " r. \u2014 żadnej).";
        }
        return change(c.subject, c.before, c.after, c.money);
    }

    /** "Liczba … wzrosła o 12,3% (z 1 234 do 1 386)." and the like; the subject is feminine (liczba, kwota) */
    private static String change(String subject, BigDecimal before, BigDecimal after, boolean money) {
        String from = money ? amount(before) : count(before);
        String to = money ? amount(after) : count(after);
        int sign = after.compareTo(before);
        if (sign == 0) {
            return subject + " nie zmieniła się (" + to + ").";
        }
        String verb = sign > 0 ? "wzrosła" : "spadła";
        if (before.signum() == 0) {
            return subject + " " + verb + " z " + from + " do " + to + ".";
        }
        BigDecimal percent = after.subtract(before).abs().multiply(BigDecimal.valueOf(100))
                .divide(before, 1, RoundingMode.HALF_UP);
        String by = percent.signum() == 0 ? "o mniej niż 0,1%"
                : "o " + PolishFormats.format(percent, ValueType.PERCENT).replace("\u00A0%", "%");
        return subject + " " + verb + " " + by + " (z " + from + " do " + to + ").";
    }

    // ---- words and numbers ----------------------------------------------------------------------

    private static String reasonGenitive(Entry reason) {
        return REASON_GENITIVE.getOrDefault(reason.code(), "„" + reason.name() + "”");
    }

    private static String formGenitive(Form form) {
        return FORM_GENITIVE.getOrDefault(form.code(), "formy „" + form.name() + "”");
    }

    /**
     * the year the assessed year is compared with: the latest earlier year with complete case data; none when the
     * assessed year itself is incomplete (a rise or fall would come from the missing months)
     */
    private Optional<Integer> baseYear() {
        if (!data.completeCaseData(year)) {
            return Optional.empty();
        }
        for (int y = year - 1; y >= year - 2; y--) {
            if (data.completeCaseData(y)) {
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }

    private static String count(BigDecimal value) {
        return PolishFormats.format(value, ValueType.COUNT);
    }

    private static String decimal(BigDecimal value) {
        return PolishFormats.format(value, ValueType.DECIMAL);
    }

    private static String amount(BigDecimal value) {
        return PolishFormats.format(value, ValueType.AMOUNT) + " zł";
    }

    private static String amountOrDash(BigDecimal value) {
        return value == null ? PolishFormats.NO_VALUE : amount(value);
    }
}
