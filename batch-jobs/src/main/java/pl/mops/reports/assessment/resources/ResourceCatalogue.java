package pl.mops.reports.assessment.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a resources file ({@code zasoby-<Y>.yaml} or {@code .csv}) holds: its chapters, the positions of each
 * chapter with their Polish labels, the kind of number each takes, and the Polish comment the template
 * writes above it. Every position needs a value for each of the three years of the assessment.
 *
 * <p>The budget chapter has open positions: the chapters (rozdziały) of the budget classification of
 * działy 852, 853 and 855, named by their five digits; {@link #BUDGET_CHAPTERS} gives their names.
 */
public final class ResourceCatalogue {

    /** how a value is read and checked */
    public enum Kind {
        /** a whole number ≥ 0 */
        COUNT(0, "", "liczba"),
        /** full-time equivalents (etaty): ≥ 0, at most 2 decimals */
        FTE(2, " (liczba etatów, np. 12,5)", "etaty"),
        /** złoty: ≥ 0, at most 2 decimals */
        AMOUNT(2, " (zł, np. 1234567,89)", "zł");

        public final int scale;
        /** what the templates add to a position's comment, e.g. " (zł, np. 1234567,89)"; empty for counts */
        public final String hint;
        /** the unit as the workbook and the console's form show it: "liczba", "etaty", "zł" */
        public final String unit;

        Kind(int scale, String hint, String unit) {
            this.scale = scale;
            this.hint = hint;
            this.unit = unit;
        }
    }

    /** one position (row) of the file */
    public record Position(String key, String label, Kind kind, String comment) {
    }

    /**
     * One chapter of the file.
     *
     * @param key       the key in the file, e.g. {@code demografia}
     * @param title     the Polish name, as the chapter of the report is titled
     * @param comment   the Polish comment the template writes above the chapter
     * @param positions the fixed positions; empty for the budget (open positions)
     */
    public record Chapter(String key, String title, String comment, List<Position> positions) {

        public Optional<Position> position(String key) {
            return positions.stream().filter(p -> p.key().equals(key)).findFirst();
        }

        public boolean open() {
            return positions.isEmpty();
        }
    }

    public static final String DEMOGRAPHY = "demografia";
    public static final String LABOUR = "rynek_pracy";
    public static final String INSTITUTIONS = "instytucje";
    public static final String STAFF = "kadra";
    public static final String NGO = "organizacje_pozarzadowe";
    public static final String BUDGET = "budzet";

    /** the key of the optional section naming the source of each chapter's figures */
    public static final String SOURCES = "zrodla";
    /** the key of the assessment year at the top of a YAML file */
    public static final String YEAR = "rok";
    /** the text that marks a figure as deliberately unknown */
    public static final String NO_DATA = "brak danych";

    /** institution types: key prefix, Polish name */
    public static final List<String[]> INSTITUTION_TYPES = List.of(
            new String[] {"dps", "Domy pomocy społecznej"},
            new String[] {"osrodki_wsparcia", "Ośrodki wsparcia (dzienne domy pomocy, środowiskowe domy samopomocy i inne)"},
            new String[] {"kluby_samopomocy", "Kluby samopomocy"},
            new String[] {"mieszkania", "Mieszkania chronione, treningowe i wspierane"},
            new String[] {"schroniska", "Schroniska dla osób bezdomnych (także z usługami opiekuńczymi)"},
            new String[] {"noclegownie", "Noclegownie"},
            new String[] {"ogrzewalnie", "Ogrzewalnie"},
            new String[] {"osrodki_interwencji_kryzysowej", "Ośrodki interwencji kryzysowej"});

    /** staff posts: key prefix, Polish name */
    public static final List<String[]> STAFF_POSTS = List.of(
            new String[] {"kierownictwo", "Kadra kierownicza (dyrektor, zastępcy, kierownicy działów i sekcji)"},
            new String[] {"pracownicy_socjalni", "Pracownicy socjalni"},
            new String[] {"asystenci_rodziny", "Asystenci rodziny"},
            new String[] {"opiekunowie", "Opiekunowie i opiekunki (usługi opiekuńcze)"},
            new String[] {"pozostali", "Pozostali pracownicy (specjaliści, administracja, obsługa)"});

    public static final List<Chapter> CHAPTERS = List.of(
            new Chapter(DEMOGRAPHY, "Dane o sytuacji demograficznej",
                    "Mieszkańcy gminy (stan na 31 XII każdego roku), np. GUS — Bank Danych Lokalnych. "
                            + "Wiek produkcyjny: kobiety 18–59 lat, mężczyźni 18–64 lata.",
                    List.of(
                            new Position("ludnosc_ogolem", "Mieszkańcy ogółem", Kind.COUNT,
                                    "liczba mieszkańców ogółem (musi równać się sumie sześciu grup poniżej, gdy są podane)"),
                            new Position("kobiety_0_17", "Kobiety w wieku 0–17 lat", Kind.COUNT, "kobiety w wieku 0–17 lat"),
                            new Position("kobiety_18_59", "Kobiety w wieku 18–59 lat", Kind.COUNT,
                                    "kobiety w wieku 18–59 lat (produkcyjnym)"),
                            new Position("kobiety_60_plus", "Kobiety w wieku 60 lat i więcej", Kind.COUNT,
                                    "kobiety w wieku 60 lat i więcej (poprodukcyjnym)"),
                            new Position("mezczyzni_0_17", "Mężczyźni w wieku 0–17 lat", Kind.COUNT, "mężczyźni w wieku 0–17 lat"),
                            new Position("mezczyzni_18_64", "Mężczyźni w wieku 18–64 lata", Kind.COUNT,
                                    "mężczyźni w wieku 18–64 lata (produkcyjnym)"),
                            new Position("mezczyzni_65_plus", "Mężczyźni w wieku 65 lat i więcej", Kind.COUNT,
                                    "mężczyźni w wieku 65 lat i więcej (poprodukcyjnym)"))),
            new Chapter(LABOUR, "Rynek pracy",
                    "Bezrobotni zarejestrowani w powiatowym urzędzie pracy (stan na 31 XII).",
                    List.of(
                            new Position("bezrobotni", "Bezrobotni zarejestrowani ogółem", Kind.COUNT,
                                    "bezrobotni zarejestrowani ogółem"),
                            new Position("bezrobotni_dlugotrwale", "Bezrobotni długotrwale", Kind.COUNT,
                                    "w tym bezrobotni długotrwale (nie więcej niż ogółem)"))),
            new Chapter(INSTITUTIONS, "Zasoby instytucjonalne pomocy i wsparcia",
                    "Placówki na terenie gminy (prowadzone przez gminę albo na jej zlecenie) i liczba miejsc w nich, "
                            + "stan na 31 XII.",
                    pairs(INSTITUTION_TYPES, "placowki", "liczba placówek", Kind.COUNT, "miejsca", "liczba miejsc", Kind.COUNT)),
            new Chapter(STAFF, "Kadra jednostki organizacyjnej pomocy społecznej",
                    "Zatrudnieni w ośrodku pomocy społecznej (stan na 31 XII): osoby i etaty (pełne etaty, "
                            + "do dwóch miejsc po przecinku). Liczba etatów nie może przekraczać liczby osób.",
                    pairs(STAFF_POSTS, "osoby", "osoby", Kind.COUNT, "etaty", "etaty", Kind.FTE)),
            new Chapter(NGO, "Współpraca z organizacjami pozarządowymi — zadania zlecone w obszarze pomocy i wsparcia",
                    "Zadania z zakresu pomocy społecznej zlecone organizacjom pozarządowym w danym roku.",
                    List.of(
                            new Position("organizacje", "Organizacje realizujące zadania zlecone", Kind.COUNT,
                                    "liczba organizacji, którym zlecono zadania"),
                            new Position("umowy", "Umowy (zadania zlecone)", Kind.COUNT, "liczba zawartych umów"),
                            new Position("kwota", "Kwota przekazanych środków (zł)", Kind.AMOUNT,
                                    "kwota środków przekazanych na zlecone zadania, zł"))),
            new Chapter(BUDGET, "Środki finansowe na wydatki w pomocy społecznej i innych obszarach polityki społecznej",
                    "Wykonane wydatki budżetu gminy (zł) według rozdziałów klasyfikacji budżetowej działów 852 "
                            + "(pomoc społeczna), 853 (pozostałe zadania polityki społecznej) i 855 (rodzina). "
                            + "Klucz = pięciocyfrowy numer rozdziału w cudzysłowie, np. \"85202\".",
                    List.of()));

    /**
     * names of the commonest budget chapters (rozdziały) of działy 852, 853 and 855, for labels only: any
     * five-digit rozdział of these działy is accepted, one without a name here is labelled by its number
     */
    public static final Map<String, String> BUDGET_DIVISIONS = Map.of(
            "852", "Dział 852 — Pomoc społeczna",
            "853", "Dział 853 — Pozostałe zadania w zakresie polityki społecznej",
            "855", "Dział 855 — Rodzina");

    public static final Map<String, String> BUDGET_CHAPTERS = budgetChapters();

    private static final Pattern BUDGET_KEY = Pattern.compile("85[235]\\d\\d");

    private ResourceCatalogue() {
    }

    public static Optional<Chapter> chapter(String key) {
        return CHAPTERS.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** whether {@code key} is a chapter (rozdział) of the budget classification of działy 852, 853, 855 */
    public static boolean isBudgetChapter(String key) {
        return BUDGET_KEY.matcher(key).matches();
    }

    public static String budgetLabel(String key) {
        String name = BUDGET_CHAPTERS.get(key);
        return "Rozdział " + key + (name == null ? "" : " — " + name);
    }

    private static List<Position> pairs(List<String[]> items, String first, String firstLabel, Kind firstKind,
                                        String second, String secondLabel, Kind secondKind) {
        List<Position> positions = new java.util.ArrayList<>();
        for (String[] item : items) {
            positions.add(new Position(item[0] + "_" + first, item[1] + " — " + firstLabel, firstKind,
                    item[1] + ": " + firstLabel));
            positions.add(new Position(item[0] + "_" + second, item[1] + " — " + secondLabel, secondKind,
                    item[1] + ": " + secondLabel));
        }
        return List.copyOf(positions);
    }

    private static Map<String, String> budgetChapters() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("85201", "Placówki opiekuńczo-wychowawcze");
        names.put("85202", "Domy pomocy społecznej");
        names.put("85203", "Ośrodki wsparcia");
        names.put("85205", "Zadania w zakresie przeciwdziałania przemocy w rodzinie");
        names.put("85206", "Wspieranie rodziny");
        names.put("85213", "Składki na ubezpieczenie zdrowotne opłacane za osoby pobierające niektóre świadczenia "
                + "z pomocy społecznej");
        names.put("85214", "Zasiłki okresowe, celowe i pomoc w naturze oraz składki na ubezpieczenia emerytalne i rentowe");
        names.put("85215", "Dodatki mieszkaniowe");
        names.put("85216", "Zasiłki stałe");
        names.put("85218", "Powiatowe centra pomocy rodzinie");
        names.put("85219", "Ośrodki pomocy społecznej");
        names.put("85220", "Jednostki specjalistycznego poradnictwa, mieszkania chronione i ośrodki interwencji kryzysowej");
        names.put("85228", "Usługi opiekuńcze i specjalistyczne usługi opiekuńcze");
        names.put("85230", "Pomoc w zakresie dożywiania");
        names.put("85231", "Pomoc dla cudzoziemców");
        names.put("85232", "Centra integracji społecznej");
        names.put("85295", "Pozostała działalność");
        names.put("85305", "Żłobki");
        names.put("85311", "Rehabilitacja zawodowa i społeczna osób niepełnosprawnych");
        names.put("85321", "Zespoły do spraw orzekania o niepełnosprawności");
        names.put("85395", "Pozostała działalność");
        names.put("85501", "Świadczenie wychowawcze");
        names.put("85502", "Świadczenia rodzinne, świadczenie z funduszu alimentacyjnego oraz składki na ubezpieczenia "
                + "emerytalne i rentowe z ubezpieczenia społecznego");
        names.put("85503", "Karta Dużej Rodziny");
        names.put("85504", "Wspieranie rodziny");
        names.put("85505", "Tworzenie i funkcjonowanie żłobków");
        names.put("85508", "Rodziny zastępcze");
        names.put("85510", "Działalność placówek opiekuńczo-wychowawczych");
        names.put("85513", "Składki na ubezpieczenie zdrowotne opłacane za osoby pobierające niektóre świadczenia "
                + "rodzinne oraz za osoby pobierające zasiłki dla opiekunów");
        names.put("85595", "Pozostała działalność");
        return Map.copyOf(names);
    }
}
