package pl.mops.reports.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic synthetic set of interchange files for the benchmark (test scope; the project's own
 * generator is separate work): {@code families} families with members whose composition changes during
 * the year (births, departures), decisions with 1–3 reasons (and some refusals), monthly realisations of
 * 1–3 forms with sub-types, social work (some families only social work). Same arguments, same bytes.
 */
final class SyntheticFamilies {

    private static final String[] DISTRICTS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
            "XIII", "XIV", "XV", "XVI", "XVII", "XVIII"};
    private static final String[] REASONS = {"UBOSTWO", "SIEROCTWO", "BEZDOMNOSC", "MACIERZYNSTWO", "BEZROBOCIE",
            "NIEPELNOSPRAWNOSC", "CHOROBA", "PRZEMOC", "HANDEL_LUDZMI", "BEZRADNOSC", "ALKOHOLIZM", "NARKOMANIA",
            "ZAKLAD_KARNY", "INTEGRACJA_CUDZOZIEMCOW", "ZDARZENIE_LOSOWE", "SYTUACJA_KRYZYSOWA", "KLESKA"};
    private static final String[] INCOME = {"EMERYTURA", "RENTA", "PRACA", "ZASILEK", "BRAK", "INNE"};
    private static final Map<String, List<String>> FORMS = Map.ofEntries(
            Map.entry("ZASILEK_STALY", List.of()),
            Map.entry("ZASILEK_OKRESOWY", List.of("BEZROBOCIE", "CHOROBA", "NIEPELNOSPRAWNOSC", "UPRAWNIENIA", "INNE")),
            Map.entry("ZASILEK_CELOWY", List.of("ZDARZENIE_LOSOWE", "SWIADCZENIA_ZDROWOTNE", "BILET_KREDYTOWANY",
                    "NIEZALEZNIE_OD_DOCHODU")),
            Map.entry("SPECJALNY_ZASILEK_CELOWY", List.of()),
            Map.entry("EKONOMICZNE_USAMODZIELNIENIE", List.of("ZASILEK", "POZYCZKA", "W_NATURZE")),
            Map.entry("POSILEK", List.of("DZIECI")),
            Map.entry("SCHRONIENIE", List.of("SCHRONISKO", "SCHRONISKO_USLUGI", "NOCLEGOWNIA", "OGRZEWALNIA")),
            Map.entry("UBRANIE", List.of()),
            Map.entry("USLUGI_OPIEKUNCZE", List.of("SPECJALISTYCZNE")),
            Map.entry("POGRZEB", List.of("BEZDOMNI")),
            Map.entry("DPS", List.of()),
            Map.entry("SKLADKA_ZDROWOTNA", List.of()),
            Map.entry("SPECJALISTYCZNE_USLUGI_ZABURZENIA", List.of()),
            Map.entry("WYNAGRODZENIE_OPIEKUNA", List.of()),
            Map.entry("ZASILEK_CELOWY_KLESKA", List.of()),
            Map.entry("POMOC_CUDZOZIEMCOM", List.of()));
    private static final String[] FORM_WEIGHTS = {"ZASILEK_CELOWY", "ZASILEK_CELOWY", "ZASILEK_CELOWY", "ZASILEK_OKRESOWY",
            "ZASILEK_OKRESOWY", "ZASILEK_STALY", "POSILEK", "POSILEK", "USLUGI_OPIEKUNCZE", "SKLADKA_ZDROWOTNA", "SCHRONIENIE",
            "SPECJALNY_ZASILEK_CELOWY", "EKONOMICZNE_USAMODZIELNIENIE", "UBRANIE", "POGRZEB", "DPS",
            "SPECJALISTYCZNE_USLUGI_ZABURZENIA", "WYNAGRODZENIE_OPIEKUNA", "ZASILEK_CELOWY_KLESKA", "POMOC_CUDZOZIEMCOM"};

    private SyntheticFamilies() {
    }

    static void write(Path dir, int families, int year, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        try (BufferedWriter osoby = writer(dir, "osoby.csv", "osoba_id;pesel;data_urodzenia;plec;obywatelstwo;zrodlo_dochodu");
             BufferedWriter rodziny = writer(dir, "rodziny.csv", "rodzina_id;dzielnica;filia;teren");
             BufferedWriter czlonkowie = writer(dir, "czlonkowie.csv", "rodzina_id;osoba_id;rola;od;do");
             BufferedWriter decyzje = writer(dir, "decyzje.csv", "decyzja_id;rodzina_id;osoba_id;data_wydania;rodzaj;powody");
             BufferedWriter swiadczenia = writer(dir, "swiadczenia.csv",
                     "swiadczenie_id;decyzja_id;osoba_id;forma;podtyp;zadanie;data;liczba;kwota;finansowanie");
             BufferedWriter praca = writer(dir, "praca_socjalna.csv", "rodzina_id;data;kontrakt")) {
            long benefitId = 0;
            for (int f = 1; f <= families; f++) {
                String family = "R" + f;
                rodziny.write(family + ";" + DISTRICTS[random.nextInt(DISTRICTS.length)] + ";;"
                        + (random.nextInt(20) == 0 ? "WIES" : "MIASTO") + "\n");
                List<String> members = new ArrayList<>();
                String applicant = family + "-1";
                person(osoby, applicant, yearStart.minusYears(20 + random.nextInt(65)).plusDays(random.nextInt(365)),
                        INCOME[random.nextInt(INCOME.length)], random);
                czlonkowie.write(family + ";" + applicant + ";WNIOSKODAWCA;" + yearStart.minusYears(5) + ";\n");
                members.add(applicant);
                if (random.nextInt(100) < 45) {
                    String spouse = family + "-2";
                    person(osoby, spouse, yearStart.minusYears(20 + random.nextInt(60)), "BRAK", random);
                    czlonkowie.write(family + ";" + spouse + ";" + (random.nextBoolean() ? "MALZONEK" : "PARTNER") + ";"
                            + yearStart.minusYears(5) + ";" + (random.nextInt(20) == 0 ? yearStart.plusDays(random.nextInt(360)) : "")
                            + "\n");
                    members.add(spouse);
                }
                int children = random.nextInt(100) < 45 ? 1 + (int) Math.min(5, -Math.log(1 - random.nextDouble()) * 1.2) : 0;
                for (int c = 0; c < children; c++) {
                    String child = family + "-" + (3 + c);
                    boolean newborn = random.nextInt(15) == 0;
                    LocalDate born = newborn ? yearStart.plusDays(random.nextInt(360))
                            : yearStart.minusYears(random.nextInt(19)).minusDays(random.nextInt(365));
                    person(osoby, child, born, "", random);
                    czlonkowie.write(family + ";" + child + ";DZIECKO;" + (newborn ? born : yearStart.minusYears(5)) + ";"
                            + (!newborn && random.nextInt(25) == 0 ? yearStart.plusDays(random.nextInt(360)) : "") + "\n");
                    members.add(child);
                }
                if (random.nextInt(100) < 40) {
                    int rows = 1 + random.nextInt(6);
                    for (int r = 0; r < rows; r++) {
                        praca.write(family + ";" + yearStart.plusDays(random.nextInt(365)) + ";"
                                + (random.nextInt(8) == 0 ? "1" : "0") + "\n");
                    }
                }
                if (random.nextInt(100) < 5) {
                    continue; // social work only (or nothing)
                }
                int decisions = 1 + random.nextInt(3);
                for (int d = 1; d <= decisions; d++) {
                    String decision = family + "-D" + d;
                    boolean refusal = random.nextInt(20) == 0;
                    List<String> reasons = new ArrayList<>();
                    int count = 1 + random.nextInt(3);
                    while (reasons.size() < count) {
                        String reason = REASONS[random.nextInt(random.nextInt(4) == 0 ? REASONS.length : 7)];
                        if (!reasons.contains(reason)) {
                            reasons.add(reason);
                        }
                    }
                    decyzje.write(decision + ";" + family + ";" + applicant + ";" + yearStart.minusDays(random.nextInt(200))
                            + ";" + (refusal ? "ODMOWA" : "PRZYZNANIE") + ";" + String.join("|", reasons) + "\n");
                    if (refusal) {
                        continue;
                    }
                    String form = FORM_WEIGHTS[random.nextInt(FORM_WEIGHTS.length)];
                    List<String> subtypes = FORMS.get(form);
                    int startMonth = 1 + random.nextInt(12);
                    int months = 1 + random.nextInt(12 - startMonth + 1);
                    boolean monthly = !form.equals("ZASILEK_CELOWY") && !form.equals("POGRZEB") || random.nextBoolean();
                    for (int m = startMonth; m < startMonth + (monthly ? months : 1); m++) {
                        LocalDate date = LocalDate.of(year, m, 1).plusDays(random.nextInt(28));
                        String recipient = random.nextInt(10) == 0 ? members.get(random.nextInt(members.size())) : "";
                        String subtype = subtypes.isEmpty() || random.nextInt(3) == 0 ? ""
                                : subtypes.get(random.nextInt(subtypes.size()));
                        int number = form.equals("POSILEK") || form.startsWith("USLUGI") || form.startsWith("SPECJALISTYCZNE")
                                ? 5 + random.nextInt(25) : 1;
                        swiadczenia.write("B" + (++benefitId) + ";" + decision + ";" + recipient + ";" + form + ";" + subtype
                                + ";;" + date + ";" + number + ";" + (50 + random.nextInt(150000) / 100.0) + ";\n");
                    }
                }
            }
        }
    }

    private static void person(BufferedWriter out, String id, LocalDate born, String income, Random random) throws IOException {
        out.write(id + ";;" + born + ";" + (random.nextBoolean() ? "K" : "M") + ";PL;" + income + "\n");
    }

    private static BufferedWriter writer(Path dir, String name, String header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
        writer.write(header + "\n");
        return writer;
    }
}
