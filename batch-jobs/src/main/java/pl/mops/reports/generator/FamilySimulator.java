package pl.mops.reports.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import pl.mops.reports.generator.FamilyDraft.Ben;
import pl.mops.reports.generator.FamilyDraft.Contract;
import pl.mops.reports.generator.FamilyDraft.Dec;
import pl.mops.reports.generator.FamilyDraft.Member;
import pl.mops.reports.generator.FamilyDraft.Support;
import pl.mops.reports.generator.FamilyDraft.Work;

/**
 * Simulates one family: who it is, when it is helped, which decisions it gets and what is realised
 * under them. Everything is drawn from the random generator it is given, so a family depends only
 * on (seed, family index). The assumptions are described on {@link SyntheticDataGenerator}.
 */
final class FamilySimulator {

    enum Type { SINGLE_ELDERLY, SINGLE_ILL, SINGLE_UNEMPLOYED, SINGLE_HOMELESS, COUPLE, COUPLE_CHILDREN, SINGLE_PARENT, PENSIONERS }

    private static final int[] TYPE_WEIGHTS = {21, 17, 11, 6, 7, 16, 14, 8};

    // decision kinds, roles, income sources, financing
    static final String PRZYZNANIE = "PRZYZNANIE";
    static final String ODMOWA = "ODMOWA";
    static final String ZMIANA = "ZMIANA";
    static final String UCHYLENIE = "UCHYLENIE";
    private static final String WNIOSKODAWCA = "WNIOSKODAWCA";
    private static final String MALZONEK = "MALZONEK";
    private static final String PARTNER = "PARTNER";
    private static final String DZIECKO = "DZIECKO";
    private static final String INNY = "INNY";
    private static final String EMERYTURA = "EMERYTURA";
    private static final String RENTA = "RENTA";
    private static final String PRACA = "PRACA";
    private static final String ZASILEK = "ZASILEK";
    private static final String BRAK = "BRAK";
    private static final String INNE = "INNE";
    private static final String DOTACJA = "DOTACJA";
    private static final String SRODKI_WLASNE = "SRODKI_WLASNE";

    // benefit forms
    static final String ZASILEK_STALY = "ZASILEK_STALY";
    static final String ZASILEK_OKRESOWY = "ZASILEK_OKRESOWY";
    static final String ZASILEK_CELOWY = "ZASILEK_CELOWY";
    static final String SPECJALNY_ZASILEK_CELOWY = "SPECJALNY_ZASILEK_CELOWY";
    static final String EKONOMICZNE_USAMODZIELNIENIE = "EKONOMICZNE_USAMODZIELNIENIE";
    static final String POSILEK = "POSILEK";
    static final String SCHRONIENIE = "SCHRONIENIE";
    static final String UBRANIE = "UBRANIE";
    static final String USLUGI_OPIEKUNCZE = "USLUGI_OPIEKUNCZE";
    static final String POGRZEB = "POGRZEB";
    static final String DPS = "DPS";
    static final String SKLADKA_ZDROWOTNA = "SKLADKA_ZDROWOTNA";
    static final String SPECJALISTYCZNE_USLUGI_ZABURZENIA = "SPECJALISTYCZNE_USLUGI_ZABURZENIA";
    static final String WYNAGRODZENIE_OPIEKUNA = "WYNAGRODZENIE_OPIEKUNA";
    static final String ZASILEK_CELOWY_KLESKA = "ZASILEK_CELOWY_KLESKA";
    static final String POMOC_CUDZOZIEMCOM = "POMOC_CUDZOZIEMCOM";
    // forms of contract version 2
    static final String POMOC_RZECZOWA = "POMOC_RZECZOWA";
    static final String PRODUKTY_ZYWNOSCIOWE = "PRODUKTY_ZYWNOSCIOWE";
    static final String SKLADKA_EMERYTALNA_RENTOWA = "SKLADKA_EMERYTALNA_RENTOWA";

    // help without a decision (wsparcie.csv)
    static final String INTERWENCJA_KRYZYSOWA = "INTERWENCJA_KRYZYSOWA";
    static final String PORADNICTWO_PRAWNE = "PORADNICTWO_PRAWNE";
    static final String PORADNICTWO_PSYCHOLOGICZNE = "PORADNICTWO_PSYCHOLOGICZNE";
    static final String PORADNICTWO_RODZINNE = "PORADNICTWO_RODZINNE";

    // markers of a realisation (bits)
    private static final int DORAZNIE = GeneratorDictionaries.DORAZNIE;
    private static final int KRYZYS_MASOWY = GeneratorDictionaries.KRYZYS_MASOWY;
    private static final int NIEZALEZNIE_OD_DOCHODU = GeneratorDictionaries.NIEZALEZNIE_OD_DOCHODU;
    private static final int PROGRAM_POSILEK = GeneratorDictionaries.PROGRAM_POSILEK;
    /** the government programme "Posiłek w szkole i w domu" runs from 2019 */
    private static final LocalDate PROGRAM_POSILEK_FROM = LocalDate.of(2019, 1, 1);

    // reasons
    private static final String UBOSTWO = "UBOSTWO";
    private static final String SIEROCTWO = "SIEROCTWO";
    private static final String BEZDOMNOSC = "BEZDOMNOSC";
    private static final String MACIERZYNSTWO = "MACIERZYNSTWO";
    private static final String BEZROBOCIE = "BEZROBOCIE";
    private static final String NIEPELNOSPRAWNOSC = "NIEPELNOSPRAWNOSC";
    private static final String CHOROBA = "CHOROBA";
    private static final String PRZEMOC = "PRZEMOC";
    private static final String HANDEL_LUDZMI = "HANDEL_LUDZMI";
    private static final String BEZRADNOSC = "BEZRADNOSC";
    private static final String ALKOHOLIZM = "ALKOHOLIZM";
    private static final String NARKOMANIA = "NARKOMANIA";
    private static final String ZAKLAD_KARNY = "ZAKLAD_KARNY";
    private static final String INTEGRACJA_CUDZOZIEMCOW = "INTEGRACJA_CUDZOZIEMCOW";
    private static final String ZDARZENIE_LOSOWE = "ZDARZENIE_LOSOWE";
    private static final String SYTUACJA_KRYZYSOWA = "SYTUACJA_KRYZYSOWA";
    private static final String KLESKA = "KLESKA";

    private static final String[] FOREIGN_CITIZENSHIPS = {"UA", "BY", "RU", "GE", "VN", "IN", "TR", "SY"};
    private static final int[] FOREIGN_WEIGHTS = {70, 8, 5, 5, 4, 3, 3, 2};

    /**
     * Income criteria and the maximum zasiłek stały, from the month they apply (reference-data.md):
     * {from, criterion for a person alone, criterion per person in a family, max zasiłek stały}.
     */
    private static final int[][] CRITERIA = {
            {2012_10, 542, 456, 529},
            {2015_10, 634, 514, 604},
            {2018_10, 701, 528, 645},
            {2022_01, 776, 600, 719},
            {2025_01, 1010, 823, 1229},
    };

    /** the minimum wage (zł a month) from the month it applies: the basis of the pension contributions (art. 42) */
    private static final int[][] MINIMUM_WAGE = {
            {2009_01, 1276}, {2010_01, 1317}, {2011_01, 1386}, {2012_01, 1500}, {2013_01, 1600}, {2014_01, 1680},
            {2015_01, 1750}, {2016_01, 1850}, {2017_01, 2000}, {2018_01, 2100}, {2019_01, 2250}, {2020_01, 2600},
            {2021_01, 2800}, {2022_01, 3010}, {2023_01, 3490}, {2023_07, 3600}, {2024_01, 4242}, {2024_07, 4300},
            {2025_01, 4666}, {2026_01, 4806},
    };

    private final GeneratorDictionaries dict;
    private final YearMonth firstMonth;
    private final YearMonth lastMonth;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final int rangeDays;
    private final long[] districtCumulative;

    FamilySimulator(GeneratorDictionaries dict, GeneratorSettings settings) {
        this.dict = dict;
        this.firstMonth = settings.firstMonth();
        this.lastMonth = settings.lastMonth();
        this.firstDay = settings.firstDay();
        this.lastDay = settings.lastDay();
        this.rangeDays = (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        long[] weights = dict.populationWeights(lastMonth.getYear());
        this.districtCumulative = new long[weights.length];
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            districtCumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalStateException("Liczby mieszkańców dzielnic w config/ludnosc-dzielnic.csv sumują się do zera.");
        }
    }

    FamilyDraft simulate(SplittableRandom rng) {
        return new Run(rng).run();
    }

    /** an assistance episode: decisions from {@code start}, services in months {@code startMonth..endMonth} */
    private record Episode(LocalDate start, YearMonth endMonth, LocalDate revokedOn) {
        YearMonth startMonth() {
            return YearMonth.from(start);
        }

        /** the last day on which something of the episode may be realised */
        LocalDate lastServiceDay() {
            return endMonth.atEndOfMonth();
        }
    }

    /** settings of one granted benefit that stay the same across its rows; {@code markers}: bits of every row */
    private record Grant(String form, String subtype, Member recipient, boolean explicitRecipient, String task,
                         String financing, int markers) {

        Grant withMarkers(int bits) {
            return new Grant(form, subtype, recipient, explicitRecipient, task, financing, bits);
        }
    }

    /** the state of one family being simulated */
    private final class Run {

        private final SplittableRandom rng;
        private final FamilyDraft f = new FamilyDraft();
        private int seq;
        private Type type;
        private boolean foreign;
        private String citizenship = "PL";
        private boolean grandparent;
        private Member applicant;
        private Member spouse;
        private final List<Member> children = new ArrayList<>();
        private List<String> reasons;
        private final List<Episode> episodes = new ArrayList<>();
        private boolean socialWorkOnly;
        private boolean funeral;
        private LocalDate funeralDate;
        private Member childWithDisorder;
        private Member baby;

        Run(SplittableRandom rng) {
            this.rng = rng;
        }

        FamilyDraft run() {
            location();
            type = Type.values()[weighted(TYPE_WEIGHTS)];
            socialWorkOnly = chance(0.04);
            foreign = switch (type) {
                case SINGLE_ILL, SINGLE_UNEMPLOYED, COUPLE, COUPLE_CHILDREN, SINGLE_PARENT -> chance(0.031);
                default -> false;
            };
            if (foreign) {
                citizenship = FOREIGN_CITIZENSHIPS[weighted(FOREIGN_WEIGHTS)];
            }
            funeral = !socialWorkOnly && (type == Type.SINGLE_ELDERLY || type == Type.SINGLE_HOMELESS) && chance(0.035);
            planEpisodes();
            LocalDate anchor = episodes.get(0).start();
            boolean refusedFirst = chance(socialWorkOnly ? 0.4 : 0.12);
            LocalDate firstContact = refusedFirst ? anchor.minusDays(between(10, 60)) : anchor;
            LocalDate from = firstContact.minusDays(between(0, 45));
            members(anchor, from);
            reasons = drawReasons();
            if (refusedFirst && !firstContact.isAfter(lastDay)) {
                decision(firstContact, ODMOWA, decisionReasons());
            }
            if (!socialWorkOnly) {
                for (Episode episode : episodes) {
                    grants(episode);
                }
                funeral();
            }
            refusals();
            revocations();
            socialWork();
            support();
            return f;
        }

        // ---------------------------------------------------------------- who and where

        private void location() {
            long point = rng.nextLong(districtCumulative[districtCumulative.length - 1]);
            int i = 0;
            while (districtCumulative[i] <= point) {
                i++;
            }
            GeneratorDictionaries.District district = dict.districts().get(i);
            f.district = district.code();
            f.branch = chance(0.30) ? null : district.branch();
            f.area = chance(0.01) ? "WIES" : "MIASTO";
        }

        private boolean chronic() {
            return switch (type) {
                case SINGLE_ELDERLY, SINGLE_ILL, SINGLE_HOMELESS, PENSIONERS -> true;
                default -> false;
            };
        }

        private void planEpisodes() {
            double mean = socialWorkOnly ? 5 : chronic() ? 16 : 6.5;
            boolean ongoing = chance(chronic() ? 0.38 : 0.21);
            LocalDate start;
            YearMonth end;
            if (ongoing) {
                start = firstDay.minusDays(chronic() ? between(5, 720) : between(5, 200));
                end = firstMonth.plusMonths(geometric(mean) - 1);
            } else {
                start = firstDay.plusDays(rng.nextInt(rangeDays));
                end = YearMonth.from(start).plusMonths(geometric(mean) - 1);
            }
            end = min(end, lastMonth);
            boolean again = !funeral && end.isBefore(lastMonth.minusMonths(3)) && chance(0.18);
            LocalDate revoked = null;
            if (end.isBefore(lastMonth) && !funeral && chance(0.30)) {
                revoked = end.plusMonths(1).atDay(between(1, 10));
            }
            episodes.add(new Episode(start, end, revoked));
            if (again) {
                LocalDate start2 = end.plusMonths(between(2, 9)).atDay(between(1, 28));
                if (!start2.isAfter(lastDay)) {
                    YearMonth end2 = min(YearMonth.from(start2).plusMonths(geometric(mean) - 1), lastMonth);
                    LocalDate revoked2 = end2.isBefore(lastMonth) && chance(0.30) ? end2.plusMonths(1).atDay(between(1, 10)) : null;
                    episodes.add(new Episode(start2, end2, revoked2));
                }
            }
        }

        private void members(LocalDate anchor, LocalDate from) {
            switch (type) {
                case SINGLE_ELDERLY -> applicant = adult(anchor, skewed(65, 95), chance(0.68) ? 'K' : 'M',
                        pick(new String[] {EMERYTURA, RENTA, BRAK, INNE}, new int[] {70, 20, 5, 5}), WNIOSKODAWCA);
                case SINGLE_ILL -> applicant = adult(anchor, between(25, 64), chance(0.45) ? 'K' : 'M',
                        pick(new String[] {RENTA, BRAK, ZASILEK, INNE}, new int[] {40, 35, 15, 10}), WNIOSKODAWCA);
                case SINGLE_UNEMPLOYED -> applicant = adult(anchor, between(19, 60), chance(0.40) ? 'K' : 'M',
                        pick(new String[] {BRAK, ZASILEK, PRACA, INNE}, new int[] {55, 20, 15, 10}), WNIOSKODAWCA);
                case SINGLE_HOMELESS -> applicant = adult(anchor, between(25, 45) + between(0, 35), chance(0.18) ? 'K' : 'M',
                        pick(new String[] {BRAK, RENTA, EMERYTURA, INNE}, new int[] {60, 15, 10, 15}), WNIOSKODAWCA);
                case COUPLE -> {
                    int age = between(28, 75);
                    char sex = chance(0.55) ? 'K' : 'M';
                    applicant = adult(anchor, age, sex, workingIncome(age), WNIOSKODAWCA);
                    int spouseAge = Math.max(19, age + between(-5, 5));
                    spouse = adult(anchor, spouseAge, other(sex), workingIncome(spouseAge), chance(0.8) ? MALZONEK : PARTNER);
                }
                case COUPLE_CHILDREN -> {
                    int age = between(22, 50);
                    char sex = chance(0.55) ? 'K' : 'M';
                    applicant = adult(anchor, age, sex, workingIncome(age), WNIOSKODAWCA);
                    int spouseAge = Math.max(19, age + between(-4, 4));
                    spouse = adult(anchor, spouseAge, other(sex), workingIncome(spouseAge), chance(0.75) ? MALZONEK : PARTNER);
                    children(anchor, Math.min(age, spouseAge));
                }
                case SINGLE_PARENT -> {
                    grandparent = chance(0.008);
                    if (grandparent) {
                        int age = between(52, 75);
                        applicant = adult(anchor, age, chance(0.8) ? 'K' : 'M', age >= 65 ? EMERYTURA : RENTA, WNIOSKODAWCA);
                        int count = chance(0.7) ? 1 : 2;
                        for (int i = 0; i < count; i++) {
                            children.add(child(anchor, between(1, 16)));
                        }
                    } else {
                        int age = between(20, 50);
                        applicant = adult(anchor, age, chance(0.88) ? 'K' : 'M', workingIncome(age), WNIOSKODAWCA);
                        children(anchor, age);
                    }
                }
                case PENSIONERS -> {
                    int age = between(62, 90);
                    char sex = chance(0.6) ? 'K' : 'M';
                    applicant = adult(anchor, age, sex, chance(0.75) ? EMERYTURA : RENTA, WNIOSKODAWCA);
                    boolean withSpouse = chance(0.7);
                    if (withSpouse) {
                        int spouseAge = Math.max(55, age + between(-5, 5));
                        spouse = adult(anchor, spouseAge, other(sex), chance(0.7) ? EMERYTURA : RENTA, MALZONEK);
                    }
                    if (!withSpouse || chance(0.15)) {
                        Member adultChild = adult(anchor, Math.max(20, age - between(22, 38)), chance(0.5) ? 'K' : 'M',
                                pick(new String[] {RENTA, BRAK, PRACA}, new int[] {50, 35, 15}), chance(0.6) ? DZIECKO : INNY);
                        f.members.add(adultChild);
                    }
                }
                default -> throw new IllegalStateException(type.name());
            }
            f.members.add(0, applicant);
            if (spouse != null) {
                f.members.add(1, spouse);
            }
            children.sort(Comparator.comparing(m -> m.birthDate));
            f.members.addAll(children);
            for (Member member : f.members) {
                member.from = from;
            }
            changes(anchor, from);
        }

        /** membership changes in the period: a child born, a grown-up child or a partner leaving, a partner joining */
        private void changes(LocalDate anchor, LocalDate from) {
            LocalDate earliest = max(anchor.plusDays(60), firstDay);
            for (Member child : children) {
                LocalDate adult = child.birthDate.plusYears(18);
                double p = adult.isBefore(from) ? 0.2 : 0.4;
                if (!adult.isAfter(lastDay) && chance(p)) {
                    LocalDate leaves = max(max(adult, from.plusDays(30)), firstDay).plusDays(between(0, 365));
                    if (!leaves.isAfter(lastDay)) {
                        child.to = leaves;
                    }
                }
            }
            if (type == Type.COUPLE_CHILDREN || type == Type.COUPLE || (type == Type.SINGLE_PARENT && !grandparent)) {
                Member mother = applicant.sex == 'K' ? applicant : spouse;
                if (mother != null && mother.ageOn(anchor) <= 40 && chance(0.10) && !earliest.isAfter(lastDay)) {
                    LocalDate birth = randomDay(earliest, lastDay);
                    baby = new Member(birth, chance(0.5) ? 'K' : 'M', citizenship, null, !foreign && chance(0.97), DZIECKO);
                    baby.from = birth;
                    children.add(baby);
                    f.members.add(baby);
                }
            }
            if (spouse != null && (type == Type.COUPLE_CHILDREN ? chance(0.05) : type == Type.COUPLE && chance(0.02))) {
                LocalDate leaves = max(from.plusDays(60), firstDay);
                if (!leaves.isAfter(lastDay)) {
                    spouse.to = randomDay(leaves, lastDay);
                }
            }
            if (type == Type.SINGLE_PARENT && !grandparent && chance(0.06) && !earliest.isAfter(lastDay)) {
                LocalDate joins = randomDay(earliest, lastDay);
                int age = Math.max(19, applicant.ageOn(joins) + between(-5, 5));
                Member partner = new Member(birthFor(joins, age), other(applicant.sex), citizenship,
                        workingIncome(age), !foreign && chance(0.97), PARTNER);
                partner.from = joins;
                f.members.add(partner);
            }
        }

        private void children(LocalDate anchor, int youngestParentAge) {
            int count = 1 + weighted(new int[] {40, 33, 16, 7, 3, 1});
            int oldest = Math.max(0, Math.min(17, youngestParentAge - 19));
            for (int i = 0; i < count; i++) {
                boolean grownUp = youngestParentAge >= 40 && chance(0.08);
                children.add(child(anchor, grownUp ? between(18, 24) : between(0, oldest)));
            }
        }

        private Member child(LocalDate anchor, int age) {
            LocalDate birth = birthFor(anchor, age);
            LocalDate latest = anchor.minusDays(120);
            if (birth.isAfter(latest)) {
                birth = latest.minusDays(between(0, 200));
            }
            return new Member(birth, chance(0.5) ? 'K' : 'M', citizenship, null, !foreign && chance(0.97), DZIECKO);
        }

        private Member adult(LocalDate anchor, int age, char sex, String income, String role) {
            return new Member(birthFor(anchor, age), sex, citizenship, income, !foreign && chance(0.97), role);
        }

        private String workingIncome(int age) {
            if (age >= 65) {
                return EMERYTURA;
            }
            return pick(new String[] {PRACA, BRAK, ZASILEK, RENTA, INNE}, new int[] {35, 35, 12, 10, 8});
        }

        // ---------------------------------------------------------------- reasons

        private List<String> drawReasons() {
            List<String> rare = new ArrayList<>();
            List<String> main = new ArrayList<>();
            int childCount = children.size();
            boolean hasBaby = baby != null;
            if (foreign) {
                maybe(rare, INTEGRACJA_CUDZOZIEMCOW, 0.25);
                maybe(rare, HANDEL_LUDZMI, 0.01);
            }
            maybe(rare, KLESKA, 0.0025);
            maybe(rare, ZDARZENIE_LOSOWE, 0.005);
            maybe(rare, SYTUACJA_KRYZYSOWA, type == Type.SINGLE_PARENT ? 0.008 : 0.002);
            switch (type) {
                case SINGLE_ELDERLY -> {
                    maybe(rare, PRZEMOC, 0.002);
                    maybe(main, CHOROBA, 0.70);
                    maybe(main, NIEPELNOSPRAWNOSC, 0.52);
                    maybe(main, UBOSTWO, 0.22);
                    maybe(main, BEZRADNOSC, 0.03);
                    maybe(main, ALKOHOLIZM, 0.01);
                }
                case SINGLE_ILL -> {
                    maybe(rare, NARKOMANIA, 0.004);
                    maybe(main, NIEPELNOSPRAWNOSC, 0.72);
                    maybe(main, CHOROBA, 0.68);
                    maybe(main, UBOSTWO, 0.29);
                    maybe(main, BEZROBOCIE, 0.14);
                    maybe(main, ALKOHOLIZM, 0.03);
                }
                case SINGLE_UNEMPLOYED -> {
                    maybe(rare, ZAKLAD_KARNY, 0.035);
                    maybe(rare, NARKOMANIA, 0.012);
                    maybe(rare, HANDEL_LUDZMI, 0.001);
                    maybe(main, BEZROBOCIE, 0.80);
                    maybe(main, UBOSTWO, 0.47);
                    maybe(main, CHOROBA, 0.18);
                    maybe(main, ALKOHOLIZM, 0.07);
                }
                case SINGLE_HOMELESS -> {
                    main.add(BEZDOMNOSC);
                    maybe(rare, ZAKLAD_KARNY, 0.045);
                    maybe(rare, NARKOMANIA, 0.02);
                    maybe(main, ALKOHOLIZM, 0.20);
                    maybe(main, UBOSTWO, 0.27);
                    maybe(main, CHOROBA, 0.30);
                    maybe(main, NIEPELNOSPRAWNOSC, 0.08);
                    maybe(main, BEZROBOCIE, 0.12);
                }
                case COUPLE -> {
                    maybe(rare, PRZEMOC, 0.004);
                    maybe(main, CHOROBA, 0.55);
                    maybe(main, NIEPELNOSPRAWNOSC, 0.42);
                    maybe(main, UBOSTWO, 0.36);
                    maybe(main, BEZROBOCIE, 0.25);
                    maybe(main, ALKOHOLIZM, 0.04);
                }
                case COUPLE_CHILDREN -> {
                    maybe(rare, PRZEMOC, 0.006);
                    maybe(rare, HANDEL_LUDZMI, 0.0005);
                    maybe(rare, MACIERZYNSTWO, 0.015 + (childCount >= 3 ? 0.08 : 0) + (hasBaby ? 0.25 : 0));
                    maybe(main, UBOSTWO, 0.45);
                    maybe(main, BEZROBOCIE, 0.38);
                    maybe(main, BEZRADNOSC, 0.24);
                    maybe(main, CHOROBA, 0.25);
                    maybe(main, NIEPELNOSPRAWNOSC, 0.22);
                    maybe(main, ALKOHOLIZM, 0.025);
                }
                case SINGLE_PARENT -> {
                    if (grandparent) {
                        rare.add(SIEROCTWO);
                    }
                    maybe(rare, PRZEMOC, 0.015);
                    maybe(rare, HANDEL_LUDZMI, 0.0008);
                    maybe(rare, MACIERZYNSTWO, 0.02 + (childCount >= 3 ? 0.08 : 0) + (hasBaby ? 0.25 : 0));
                    maybe(main, UBOSTWO, 0.45);
                    maybe(main, BEZRADNOSC, 0.38);
                    maybe(main, BEZROBOCIE, 0.32);
                    maybe(main, CHOROBA, 0.22);
                    maybe(main, NIEPELNOSPRAWNOSC, 0.16);
                    maybe(main, ALKOHOLIZM, 0.015);
                }
                case PENSIONERS -> {
                    maybe(main, CHOROBA, 0.78);
                    maybe(main, NIEPELNOSPRAWNOSC, 0.55);
                    maybe(main, UBOSTWO, 0.22);
                    maybe(main, ALKOHOLIZM, 0.01);
                }
                default -> throw new IllegalStateException(type.name());
            }
            List<String> all = new ArrayList<>(rare);
            for (String reason : main) {
                if (all.size() < 3) {
                    all.add(reason);
                }
            }
            if (all.isEmpty()) {
                all.add(switch (type) {
                    case SINGLE_ELDERLY, PENSIONERS -> CHOROBA;
                    case SINGLE_ILL -> NIEPELNOSPRAWNOSC;
                    case SINGLE_UNEMPLOYED -> BEZROBOCIE;
                    case SINGLE_HOMELESS -> BEZDOMNOSC;
                    default -> UBOSTWO;
                });
            }
            List<String> known = new ArrayList<>();
            for (String reason : all.subList(0, Math.min(3, all.size()))) {
                if (dict.reasons().contains(reason)) {
                    known.add(reason);
                }
            }
            return known;
        }

        /** the reasons written on one decision: the family's first reason and, mostly, the others */
        private List<String> decisionReasons() {
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < reasons.size(); i++) {
                if (i == 0 || chance(0.85)) {
                    chosen.add(reasons.get(i));
                }
            }
            return chosen;
        }

        private boolean hasReason(String reason) {
            return reasons.contains(reason);
        }

        // ---------------------------------------------------------------- benefits

        private void grants(Episode e) {
            boolean dps = (type == Type.SINGLE_ELDERLY && chance(0.05)) || (type == Type.PENSIONERS && chance(0.01));
            boolean staly = !dps && switch (type) {
                case SINGLE_ELDERLY -> chance(0.30);
                case SINGLE_ILL -> chance(0.55);
                case SINGLE_HOMELESS -> chance(0.15);
                case PENSIONERS -> chance(0.15);
                case COUPLE -> (hasReason(NIEPELNOSPRAWNOSC) || hasReason(CHOROBA)) && chance(0.15);
                default -> false;
            };
            boolean okresowy = switch (type) {
                case SINGLE_UNEMPLOYED -> chance(0.70);
                case COUPLE_CHILDREN, SINGLE_PARENT -> chance(0.50);
                case SINGLE_ILL -> !staly && chance(0.35);
                case COUPLE -> chance(0.30);
                case SINGLE_HOMELESS -> chance(0.08);
                case SINGLE_ELDERLY -> !dps && !staly && chance(0.03);
                case PENSIONERS -> chance(0.02);
            };
            boolean mealsAdult = !dps && switch (type) {
                case SINGLE_ELDERLY -> chance(0.22);
                case SINGLE_HOMELESS -> chance(0.50);
                case SINGLE_UNEMPLOYED -> chance(0.25);
                case SINGLE_ILL -> chance(0.15);
                default -> false;
            };
            boolean mealsChildren = !children.isEmpty() && chance(0.60);
            boolean care = !dps && switch (type) {
                case SINGLE_ELDERLY -> chance(0.50);
                case SINGLE_ILL -> chance(0.25);
                case PENSIONERS -> chance(0.30);
                default -> false;
            };
            boolean shelter = type == Type.SINGLE_HOMELESS && chance(0.75);
            boolean guardian = switch (type) {
                case SINGLE_ILL -> chance(0.02);
                case SINGLE_ELDERLY -> chance(0.012);
                case PENSIONERS -> chance(0.01);
                default -> false;
            };
            boolean foreigners = foreign && hasReason(INTEGRACJA_CUDZOZIEMCOW) && chance(0.9);
            boolean disorder = !children.isEmpty() && chance(0.035);
            boolean careChild = !children.isEmpty()
                    && chance(hasReason(NIEPELNOSPRAWNOSC) ? 0.10 : hasReason(CHOROBA) ? 0.03 : 0.0);
            Member carer = carer(e);
            boolean contributions = carer != null && dict.hasForm(SKLADKA_EMERYTALNA_RENTOWA) && chance(0.03);
            boolean poor = hasReason(UBOSTWO) || hasReason(BEZROBOCIE) || type == Type.SINGLE_HOMELESS;
            boolean foodMonthly = !dps && chance(poor ? 0.03 : 0.005);
            boolean anyMonthly = dps || staly || okresowy || mealsAdult || mealsChildren || care || shelter || guardian
                    || foreigners || disorder || careChild || contributions || foodMonthly;

            if (dps) {
                dps(e);
            }
            if (staly) {
                staly(e);
            }
            if (okresowy) {
                okresowy(e);
            }
            if (mealsAdult) {
                mealsAdult(e);
            }
            if (mealsChildren) {
                mealsChildren(e);
            }
            if (care) {
                care(e);
            }
            if (shelter) {
                shelter(e);
            }
            if (guardian) {
                guardian(e);
            }
            if (foreigners) {
                foreigners(e);
            }
            if (disorder) {
                disorder(e);
            }
            if (careChild) {
                careChild(e);
            }
            if (contributions) {
                contributions(e, carer);
            }
            if (foodMonthly) {
                foodMonthly(e);
            }
            adHocFood(e, dps, mealsAdult, mealsChildren, poor);
            massCrisisShelter(e);
            oneOffs(e, dps, !anyMonthly);
        }

        private LocalDate payDate(YearMonth month, int payDay) {
            return payDay == 0 ? month.atEndOfMonth() : month.atDay(payDay);
        }

        /** the first decision of a benefit that starts in {@code month} of episode {@code e} */
        private LocalDate firstIssued(Episode e, YearMonth month) {
            if (!month.isAfter(e.startMonth())) {
                return e.start();
            }
            return max(e.start(), month.minusMonths(1).atDay(between(10, 28)));
        }

        /**
         * A benefit realised month by month under a PRZYZNANIE renewed every {@code renewEvery} months
         * (0 = never), with ZMIANA decisions in between; rows only for months within the period.
         */
        private abstract class Monthly {
            final Grant grant;
            final int payDay;
            final int renewEvery;
            final double changePerMonth;

            Monthly(Grant grant, int payDay, int renewEvery, double changePerMonth) {
                this.grant = grant;
                this.payDay = payDay;
                this.renewEvery = renewEvery;
                this.changePerMonth = changePerMonth;
            }

            /** new terms of a PRZYZNANIE for the period starting in {@code month} */
            abstract void start(YearMonth month);

            /** a new decision ({@code PRZYZNANIE} or {@code ZMIANA}) was issued; called before {@link #start}/{@link #change} */
            void decided(Dec decision) {
            }

            /** new terms of a ZMIANA from {@code month} */
            void change(YearMonth month) {
                start(month);
            }

            boolean forcedChange(YearMonth month) {
                return false;
            }

            boolean forcedRenewal(YearMonth month) {
                return false;
            }

            abstract void rows(Dec decision, YearMonth month, LocalDate date);

            void run(LocalDate firstIssued, YearMonth from, YearMonth to) {
                Dec current = null;
                int age = 0;
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    if (current == null) {
                        current = decision(firstIssued, PRZYZNANIE, decisionReasons());
                        decided(current);
                        start(m);
                        age = 0;
                    } else if ((renewEvery > 0 && age >= renewEvery) || forcedRenewal(m)) {
                        current = decision(max(current.issued.plusDays(1), m.minusMonths(1).atDay(between(12, 28))),
                                PRZYZNANIE, decisionReasons());
                        decided(current);
                        start(m);
                        age = 0;
                    } else if ((forcedChange(m) || chance(changePerMonth)) && (renewEvery == 0 || age < renewEvery - 1)
                            && !forcedRenewal(m.plusMonths(1))) {
                        int lastChangeDay = payDay == 0 ? 25 : payDay - 1;
                        current = decision(max(current.issued.plusDays(1), m.atDay(between(1, lastChangeDay))),
                                ZMIANA, decisionReasons());
                        decided(current);
                        change(m);
                    }
                    age++;
                    if (m.isBefore(firstMonth)) {
                        continue;
                    }
                    LocalDate date = payDate(m, payDay);
                    if (!date.isAfter(current.issued)) {
                        date = current.issued.plusDays(between(2, 7));
                        if (!YearMonth.from(date).equals(m)) {
                            continue;
                        }
                    }
                    rows(current, m, date);
                }
            }
        }

        private Grant grant(String form, String subtype, Member recipient, boolean explicitRecipient) {
            GeneratorDictionaries.Form definition = dict.form(form);
            String task = definition != null && chance(0.10) ? definition.task() : null;
            String financing;
            if (chance(0.05)) {
                financing = null;
            } else if (form.equals(ZASILEK_STALY) || form.equals(ZASILEK_OKRESOWY)
                    || (definition != null && "ZLECONE".equals(definition.task()))) {
                financing = DOTACJA;
            } else {
                financing = SRODKI_WLASNE;
            }
            return new Grant(form, subtype, recipient, explicitRecipient, task, financing, 0);
        }

        private Grant applicantGrant(String form, String subtype) {
            return grant(form, subtype, applicant, chance(0.35));
        }

        private void benefit(Grant g, Dec decision, String subtype, Member recipient, LocalDate date, int count, long cents) {
            benefit(g, decision, subtype, recipient, date, count, cents, g.financing(), g.markers());
        }

        private void benefit(Grant g, Dec decision, String subtype, Member recipient, LocalDate date, int count, long cents,
                             String financing, int markers) {
            if (!dict.hasForm(g.form()) || date.isBefore(firstDay) || date.isAfter(lastDay) || !date.isAfter(decision.issued)) {
                return;
            }
            Member shown = recipient == applicant && !g.explicitRecipient() ? null : recipient;
            if (date.isBefore(PROGRAM_POSILEK_FROM)) {
                markers &= ~PROGRAM_POSILEK;
            }
            decision.rows++;
            f.benefits.add(new Ben(decision, shown, g.form(), dict.subtype(g.form(), subtype), g.task(), date,
                    Math.max(1, count), Math.max(0, cents), financing, markers, seq++));
        }

        private void benefit(Grant g, Dec decision, LocalDate date, int count, long cents) {
            benefit(g, decision, g.subtype(), g.recipient(), date, count, cents);
        }

        private void staly(Episode e) {
            boolean alone = f.members.size() == 1;
            int size = f.members.size();
            double[] income = {switch (applicant.incomeSource) {
                case EMERYTURA -> uniform(350, 950);
                case RENTA -> uniform(200, 800);
                case ZASILEK -> uniform(0, 300);
                case BRAK -> 0;
                default -> uniform(0, 400);
            }};
            boolean contribution = !EMERYTURA.equals(applicant.incomeSource) && !RENTA.equals(applicant.incomeSource)
                    && chance(0.9);
            Grant g = applicantGrant(ZASILEK_STALY, null);
            Grant health = grant(SKLADKA_ZDROWOTNA, null, applicant, g.explicitRecipient());
            new Monthly(g, between(10, 25), chance(0.5) ? 12 : 0, 0.015) {
                long amount;
                /** what the current decision says: SAMOTNIE, W_RODZINIE or nothing (the case system did not record it) */
                String subtype;

                @Override
                void decided(Dec decision) {
                    subtype = chance(0.12) ? null : membersOn(decision.issued) == 1 ? "SAMOTNIE" : "W_RODZINIE";
                }

                @Override
                void start(YearMonth month) {
                    int[] c = criteria(month);
                    double due = alone ? c[1] - income[0] : c[2] - income[0] / size;
                    amount = Math.round(Math.max(30, Math.min(c[3], due)) * 100);
                }

                @Override
                void change(YearMonth month) {
                    income[0] = income[0] * uniform(0.85, 1.15);
                    start(month);
                }

                @Override
                boolean forcedChange(YearMonth month) {
                    return criteriaChange(month);
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    benefit(g, decision, subtype, applicant, date, 1, amount);
                    if (contribution) {
                        benefit(health, decision, date, 1, Math.round(amount * 0.09));
                    }
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        private void okresowy(Episode e) {
            String subtype;
            if (chance(0.05)) {
                subtype = "UPRAWNIENIA";
            } else if (hasReason(BEZROBOCIE) && chance(0.9)) {
                subtype = "BEZROBOCIE";
            } else if (hasReason(CHOROBA)) {
                subtype = "CHOROBA";
            } else if (hasReason(NIEPELNOSPRAWNOSC)) {
                subtype = "NIEPELNOSPRAWNOSC";
            } else {
                subtype = "INNE";
            }
            Grant g = applicantGrant(ZASILEK_OKRESOWY, subtype);
            boolean alone = f.members.size() == 1;
            boolean canWork = type != Type.SINGLE_ELDERLY && type != Type.PENSIONERS && applicant.ageOn(e.start()) < 60;
            YearMonth from = e.startMonth();
            boolean first = true;
            while (!from.isAfter(e.endMonth())) {
                YearMonth to = from.plusMonths(between(3, 6) - 1);
                if (first && from.isBefore(firstMonth)) {
                    // a family helped when the period starts is in the middle of its zasiłek okresowy
                    to = max(to, firstMonth.plusMonths(between(0, 2)));
                }
                to = min(to, e.endMonth());
                // the recipient takes up work: the zasiłek goes on regardless of income for 1–3 more months (a ZMIANA), then ends
                YearMonth work = null;
                int months = (int) from.until(to, ChronoUnit.MONTHS) + 1;
                if (canWork && months >= 2 && chance("BEZROBOCIE".equals(subtype) ? 0.15 : 0.05)) {
                    work = from.plusMonths(between(1, months - 1));
                    to = min(to, work.plusMonths(between(0, 2)));
                }
                YearMonth tookUpWork = work;
                LocalDate issued = first ? e.start() : firstIssued(e, from);
                new Monthly(g, between(10, 25), 0, 0.02) {
                    long amount;
                    /** this decision's zasiłek is paid from the gmina's own funds (e.g. granted above what the grant covers) */
                    boolean ownFunds;

                    @Override
                    void start(YearMonth month) {
                        int[] c = criteria(month);
                        double base = alone ? uniform(150, 700) : uniform(200, 1300);
                        amount = Math.round(Math.min(base, alone ? c[1] : c[2] * f.members.size()) * 100);
                        ownFunds = chance(0.05);
                    }

                    @Override
                    void change(YearMonth month) {
                        amount = Math.round(amount * uniform(0.85, 1.2));
                    }

                    @Override
                    boolean forcedChange(YearMonth month) {
                        return criteriaChange(month) || month.equals(tookUpWork);
                    }

                    @Override
                    void rows(Dec decision, YearMonth month, LocalDate date) {
                        // the state grant pays the zasiłek okresowy; own funds: the top-up decisions and the December
                        // payments (the year's grant is used up by then)
                        String financing = ownFunds || month.getMonth() == Month.DECEMBER ? SRODKI_WLASNE : DOTACJA;
                        int markers = tookUpWork != null && !month.isBefore(tookUpWork) ? NIEZALEZNIE_OD_DOCHODU : 0;
                        benefit(g, decision, g.subtype(), g.recipient(), date, 1, amount, financing, markers);
                    }
                }.run(issued, from, to);
                first = false;
                if (tookUpWork != null || !chance(0.75)) {
                    break;
                }
                from = to.plusMonths(between(2, 4));
            }
        }

        private void mealsAdult(Episode e) {
            Grant g = applicantGrant(POSILEK, null).withMarkers(chance(0.85) ? PROGRAM_POSILEK : 0);
            new Monthly(g, 0, 6, 0.01) {
                int meals;
                long price;

                @Override
                void start(YearMonth month) {
                    meals = type == Type.SINGLE_HOMELESS ? between(20, 31) : between(15, 22);
                    price = between(1200, 2000);
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    int count = Math.min(month.lengthOfMonth(), Math.max(1, meals + between(-2, 2)));
                    benefit(g, decision, date, count, count * price);
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        private void mealsChildren(Episode e) {
            Grant g = grant(POSILEK, "DZIECI", applicant, true).withMarkers(chance(0.92) ? PROGRAM_POSILEK : 0);
            new Monthly(g, 0, 0, 0.0) {
                long price;

                @Override
                void start(YearMonth month) {
                    price = between(1200, 1800);
                }

                @Override
                boolean forcedRenewal(YearMonth month) {
                    return month.getMonth() == Month.SEPTEMBER;
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    if (month.getMonth() == Month.JULY || month.getMonth() == Month.AUGUST) {
                        return;
                    }
                    for (Member child : children) {
                        int age = child.ageOn(date);
                        if (child.memberOn(date) && age >= 3 && age < 18) {
                            int count = Math.max(1, schoolDays(month) - between(0, 3));
                            benefit(g, decision, "DZIECI", child, date, count, count * price);
                        }
                    }
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        private void care(Episode e) {
            boolean specialised = chance(0.15);
            Grant g = applicantGrant(USLUGI_OPIEKUNCZE, specialised ? "SPECJALISTYCZNE" : null);
            YearMonth from = chance(0.3) ? e.startMonth().plusMonths(between(1, 6)) : e.startMonth();
            if (from.isAfter(e.endMonth())) {
                return;
            }
            new Monthly(g, 0, 6, 0.03) {
                int hours;
                long rate;

                @Override
                void start(YearMonth month) {
                    hours = between(20, 80);
                    rate = specialised ? between(4500, 6000) : between(3200, 3800);
                }

                @Override
                void change(YearMonth month) {
                    hours = Math.max(8, (int) Math.round(hours * uniform(0.7, 1.4)));
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    int count = Math.max(1, (int) Math.round(hours * uniform(0.85, 1.1)));
                    benefit(g, decision, date, count, count * rate);
                }
            }.run(firstIssued(e, from), from, e.endMonth());
        }

        private void dps(Episode e) {
            Grant g = applicantGrant(DPS, null);
            new Monthly(g, 0, 0, 0.0) {
                long amount;

                @Override
                void start(YearMonth month) {
                    amount = Math.round(uniform(3000, 5500) * 100);
                }

                @Override
                void change(YearMonth month) {
                    amount = Math.round(amount * uniform(1.02, 1.08));
                }

                @Override
                boolean forcedChange(YearMonth month) {
                    return month.getMonth() == Month.APRIL;
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    benefit(g, decision, date, 1, amount);
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        private void shelter(Episode e) {
            Grant g = applicantGrant(SCHRONIENIE, null);
            new Monthly(g, 0, 3, 0.0) {
                String place;
                long rate;

                @Override
                void start(YearMonth month) {
                    boolean winter = month.getMonthValue() >= 11 || month.getMonthValue() <= 3;
                    place = winter
                            ? pick(new String[] {"OGRZEWALNIA", "NOCLEGOWNIA", "SCHRONISKO", "SCHRONISKO_USLUGI", ""}, new int[] {15, 28, 40, 13, 4})
                            : pick(new String[] {"NOCLEGOWNIA", "SCHRONISKO", "SCHRONISKO_USLUGI", ""}, new int[] {33, 47, 16, 4});
                    rate = switch (place) {
                        case "OGRZEWALNIA" -> between(1800, 2800);
                        case "NOCLEGOWNIA" -> between(2500, 3500);
                        case "SCHRONISKO_USLUGI" -> between(8500, 12000);
                        default -> between(4500, 6200);
                    };
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    int nights = between(8, month.lengthOfMonth());
                    benefit(g, decision, place.isEmpty() ? null : place, applicant, date, nights, nights * rate);
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        private void guardian(Episode e) {
            Grant g = applicantGrant(WYNAGRODZENIE_OPIEKUNA, null);
            new Monthly(g, between(10, 25), 0, 0.005) {
                long amount;

                @Override
                void start(YearMonth month) {
                    amount = between(300, 650) * 100L;
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    benefit(g, decision, date, 1, amount);
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        private void foreigners(Episode e) {
            Grant g = applicantGrant(POMOC_CUDZOZIEMCOM, null);
            YearMonth to = min(e.startMonth().plusMonths(between(6, 12) - 1), e.endMonth());
            double factor = f.members.size() == 1 ? 1.0 : 1.5;
            new Monthly(g, between(10, 25), 0, 0.0) {
                long amount;

                @Override
                void start(YearMonth month) {
                    amount = Math.round(uniform(600, 1400) * factor) * 100L;
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    benefit(g, decision, date, 1, amount);
                }
            }.run(e.start(), e.startMonth(), to);
            foreignersInKind(e, to);
        }

        /**
         * Aid to foreigners by kind during the integration programme (months up to {@code to}), each under its own
         * decision: zasiłek celowy, shelter in the first months, meals, clothes. Only with dictionaries that have
         * these sub-types (without them the rows would read as cash aid).
         */
        private void foreignersInKind(Episode e, YearMonth to) {
            YearMonth from = max(e.startMonth(), firstMonth);
            if (from.isAfter(to) || dict.subtypes(POMOC_CUDZOZIEMCOM).isEmpty()) {
                return;
            }
            int months = (int) from.until(to, ChronoUnit.MONTHS) + 1;
            if (chance(0.55)) {
                int count = chance(0.3) ? 2 : 1;
                for (int i = 0; i < count; i++) {
                    oneOff(e, from.plusMonths(rng.nextInt(months)), applicantGrant(POMOC_CUDZOZIEMCOM, "ZASILEK_CELOWY"), 1,
                            between(30, 150) * 1000L);
                }
            }
            if (chance(0.5)) {
                Grant g = applicantGrant(POMOC_CUDZOZIEMCOM, "SCHRONIENIE");
                long rate = between(4500, 6200);
                new Monthly(g, 0, 0, 0.0) {
                    @Override
                    void start(YearMonth month) {
                    }

                    @Override
                    void rows(Dec decision, YearMonth month, LocalDate date) {
                        int nights = between(10, month.lengthOfMonth());
                        benefit(g, decision, date, nights, nights * rate);
                    }
                }.run(firstIssued(e, from), from, min(to, from.plusMonths(between(1, 3) - 1)));
            }
            if (chance(0.45)) {
                Grant g = applicantGrant(POMOC_CUDZOZIEMCOM, "POSILEK");
                long price = between(1200, 2000);
                YearMonth start = from.plusMonths(rng.nextInt(months));
                new Monthly(g, 0, 0, 0.0) {
                    @Override
                    void start(YearMonth month) {
                    }

                    @Override
                    void rows(Dec decision, YearMonth month, LocalDate date) {
                        int meals = between(15, 30);
                        benefit(g, decision, date, meals, meals * price);
                    }
                }.run(firstIssued(e, start), start, min(to, start.plusMonths(between(2, 6) - 1)));
            }
            if (chance(0.55)) {
                oneOff(e, from.plusMonths(rng.nextInt(months)), applicantGrant(POMOC_CUDZOZIEMCOM, "UBRANIE"), 1,
                        between(100, 400) * 100L);
            }
        }

        /** specialised (mostly) care services at home for a child with a disability or a long illness */
        private void careChild(Episode e) {
            List<Member> candidates = children.stream()
                    .filter(c -> c.memberOn(e.start().plusDays(1)) && c.ageOn(e.start()) >= 3 && c.ageOn(e.start()) < 17).toList();
            if (candidates.isEmpty()) {
                return;
            }
            Member child = candidates.get(rng.nextInt(candidates.size()));
            boolean specialised = chance(0.8);
            Grant g = grant(USLUGI_OPIEKUNCZE, specialised ? "SPECJALISTYCZNE" : null, child, true);
            new Monthly(g, 0, 6, 0.03) {
                int hours;
                long rate;

                @Override
                void start(YearMonth month) {
                    hours = between(10, 40);
                    rate = specialised ? between(4500, 6000) : between(3200, 3800);
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    if (child.memberOn(date) && child.ageOn(date) < 18) {
                        int count = Math.max(1, (int) Math.round(hours * uniform(0.85, 1.1)));
                        benefit(g, decision, date, count, count * rate);
                    }
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        /**
         * who may get pension contributions (art. 42): a spouse or grown-up child of working age without income who
         * gave up work to care for an ill or disabled family member; {@code null} when nobody
         */
        private Member carer(Episode e) {
            if (!hasReason(CHOROBA) && !hasReason(NIEPELNOSPRAWNOSC) || f.members.size() < 2) {
                return null;
            }
            for (Member m : f.members) {
                if (m != applicant && m.memberOn(e.start()) && BRAK.equals(m.incomeSource)
                        && m.ageOn(e.start()) >= 25 && m.ageOn(e.start()) < 64) {
                    return m;
                }
            }
            return null;
        }

        /** pension and disability-pension contributions of the carer: about 27.5 % of the minimum wage a month */
        private void contributions(Episode e, Member carer) {
            Grant g = grant(SKLADKA_EMERYTALNA_RENTOWA, null, carer, true);
            new Monthly(g, between(10, 25), 12, 0.0) {
                @Override
                void start(YearMonth month) {
                }

                @Override
                boolean forcedChange(YearMonth month) {
                    return minimumWageChange(month);
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    if (carer.memberOn(date) && carer.ageOn(date) < 65) {
                        benefit(g, decision, date, 1, Math.round(minimumWage(month) * 27.52));
                    }
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        /** food parcels month by month for a few months (mostly under the Posiłek programme) */
        private void foodMonthly(Episode e) {
            if (!dict.hasForm(PRODUKTY_ZYWNOSCIOWE)) {
                return;
            }
            YearMonth from = max(e.startMonth(), firstMonth);
            if (from.isAfter(e.endMonth())) {
                return;
            }
            YearMonth start = from.plusMonths(rng.nextInt((int) from.until(e.endMonth(), ChronoUnit.MONTHS) + 1));
            YearMonth to = min(e.endMonth(), start.plusMonths(between(2, 6) - 1));
            Grant g = applicantGrant(PRODUKTY_ZYWNOSCIOWE, null).withMarkers(chance(0.7) ? PROGRAM_POSILEK : 0);
            int parcels = 1 + f.members.size() / 3;
            new Monthly(g, 0, 0, 0.0) {
                long value;

                @Override
                void start(YearMonth month) {
                    value = between(9000, 16000);
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    benefit(g, decision, date, parcels, parcels * value);
                }
            }.run(firstIssued(e, start), start, to);
        }

        /**
         * Help granted ad hoc (DORAZNIE): a food parcel, meals for a month or two for a child (sub-type DZIECI) or an
         * adult who gets no meals otherwise; more often in a crisis (sytuacja kryzysowa, zdarzenie losowe, przemoc,
         * klęska) and for poor families.
         */
        private void adHocFood(Episode e, boolean dps, boolean mealsAdult, boolean mealsChildren, boolean poor) {
            YearMonth from = max(e.startMonth(), firstMonth);
            if (dps || from.isAfter(e.endMonth())) {
                return;
            }
            int months = (int) from.until(e.endMonth(), ChronoUnit.MONTHS) + 1;
            boolean crisis = hasReason(SYTUACJA_KRYZYSOWA) || hasReason(ZDARZENIE_LOSOWE) || hasReason(PRZEMOC) || hasReason(KLESKA);
            if (dict.hasForm(PRODUKTY_ZYWNOSCIOWE) && chance(crisis ? 0.4 : poor ? 0.035 : 0.01)) {
                Grant g = applicantGrant(PRODUKTY_ZYWNOSCIOWE, null).withMarkers(DORAZNIE | (chance(0.5) ? PROGRAM_POSILEK : 0));
                int parcels = between(1, 1 + f.members.size() / 2);
                oneOff(e, from.plusMonths(rng.nextInt(months)), g, parcels, parcels * (long) between(9000, 16000));
            }
            if (!mealsChildren && !children.isEmpty() && chance(crisis ? 0.5 : 0.10)) {
                YearMonth start = from.plusMonths(rng.nextInt(months));
                if (start.getMonth() == Month.JULY || start.getMonth() == Month.AUGUST) {
                    start = start.withMonth(9);
                }
                if (!start.isAfter(e.endMonth())) {
                    Grant g = grant(POSILEK, "DZIECI", applicant, true).withMarkers(DORAZNIE | (chance(0.9) ? PROGRAM_POSILEK : 0));
                    long price = between(1200, 1800);
                    new Monthly(g, 0, 0, 0.0) {
                        @Override
                        void start(YearMonth month) {
                        }

                        @Override
                        void rows(Dec decision, YearMonth month, LocalDate date) {
                            for (Member child : children) {
                                int age = child.ageOn(date);
                                if (child.memberOn(date) && age >= 3 && age < 18 && schoolDays(month) > 0) {
                                    int count = between(5, schoolDays(month));
                                    benefit(g, decision, "DZIECI", child, date, count, count * price);
                                }
                            }
                        }
                    }.run(firstIssued(e, start), start, min(e.endMonth(), start.plusMonths(between(1, 2) - 1)));
                }
            }
            boolean adultCandidate = crisis || switch (type) {
                case SINGLE_HOMELESS, SINGLE_UNEMPLOYED, SINGLE_ILL, SINGLE_ELDERLY -> true;
                default -> false;
            };
            if (!mealsAdult && adultCandidate && chance(crisis ? 0.3 : type == Type.SINGLE_HOMELESS ? 0.25 : 0.05)) {
                YearMonth start = from.plusMonths(rng.nextInt(months));
                Grant g = applicantGrant(POSILEK, null).withMarkers(DORAZNIE | (chance(0.85) ? PROGRAM_POSILEK : 0));
                long price = between(1200, 2000);
                new Monthly(g, 0, 0, 0.0) {
                    @Override
                    void start(YearMonth month) {
                    }

                    @Override
                    void rows(Dec decision, YearMonth month, LocalDate date) {
                        int count = between(5, 22);
                        benefit(g, decision, date, count, count * price);
                    }
                }.run(firstIssued(e, start), start, min(e.endMonth(), start.plusMonths(between(1, 2) - 1)));
            }
        }

        /**
         * Shelter in a mass-scale crisis (KRYZYS_MASOWY, art. 48a ust. 9): families hit by a disaster or a crisis
         * affecting many people are sheltered for some nights in one or two months, every member a recipient.
         */
        private void massCrisisShelter(Episode e) {
            double p = (hasReason(KLESKA) ? 0.6 : 0.0) + (hasReason(SYTUACJA_KRYZYSOWA) ? 0.5 : 0.0);
            YearMonth from = max(e.startMonth(), firstMonth);
            if (p == 0.0 || from.isAfter(e.endMonth()) || !chance(p)) {
                return;
            }
            YearMonth start = from.plusMonths(rng.nextInt(Math.min(3, (int) from.until(e.endMonth(), ChronoUnit.MONTHS) + 1)));
            Grant g = applicantGrant(SCHRONIENIE, null).withMarkers(KRYZYS_MASOWY);
            String place = chance(0.5) ? null : "SCHRONISKO";
            long rate = between(4000, 6000);
            new Monthly(g, 0, 0, 0.0) {
                @Override
                void start(YearMonth month) {
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    int nights = between(3, 20);
                    for (Member member : f.members) {
                        if (member.memberOn(date)) {
                            benefit(g, decision, place, member, date, nights, nights * rate);
                        }
                    }
                }
            }.run(firstIssued(e, start), start, min(e.endMonth(), start.plusMonths(between(1, 2) - 1)));
        }

        private void disorder(Episode e) {
            if (childWithDisorder == null) {
                List<Member> candidates = children.stream()
                        .filter(c -> c.memberOn(e.start().plusDays(1)) && c.ageOn(e.start()) >= 3 && c.ageOn(e.start()) < 17).toList();
                if (candidates.isEmpty()) {
                    return;
                }
                childWithDisorder = candidates.get(rng.nextInt(candidates.size()));
            }
            Member child = childWithDisorder;
            Grant g = grant(SPECJALISTYCZNE_USLUGI_ZABURZENIA, null, child, true);
            new Monthly(g, 0, 6, 0.02) {
                int hours;
                long rate;

                @Override
                void start(YearMonth month) {
                    hours = between(8, 40);
                    rate = between(4500, 6500);
                }

                @Override
                void rows(Dec decision, YearMonth month, LocalDate date) {
                    if (child.memberOn(date) && child.ageOn(date) < 18) {
                        int count = Math.max(1, hours + between(-3, 3));
                        benefit(g, decision, date, count, count * rate);
                    }
                }
            }.run(e.start(), e.startMonth(), e.endMonth());
        }

        /** one-off benefits, each under its own decision: zasiłki celowe, clothes, economic independence, disaster aid */
        private void oneOffs(Episode e, boolean dps, boolean onlyOneOffs) {
            YearMonth from = max(e.startMonth(), firstMonth);
            double celowy = dps ? 0.01 : onlyOneOffs ? 0.35 : type == Type.SINGLE_HOMELESS ? 0.25 : type == Type.SINGLE_ELDERLY ? 0.16 : 0.28;
            double clothes = type == Type.SINGLE_HOMELESS ? 0.07 : 0.003;
            double inKind = dps ? 0.0 : type == Type.SINGLE_HOMELESS ? 0.012 : children.isEmpty() ? 0.005 : 0.009;
            boolean needsRandomEvent = hasReason(ZDARZENIE_LOSOWE);
            boolean guaranteed = onlyOneOffs;
            for (YearMonth m = from; !m.isAfter(e.endMonth()); m = m.plusMonths(1)) {
                if (guaranteed || needsRandomEvent || chance(celowy)) {
                    String subtype = null;
                    if (needsRandomEvent) {
                        subtype = "ZDARZENIE_LOSOWE";
                    } else if (chance(hasReason(CHOROBA) || hasReason(NIEPELNOSPRAWNOSC) ? 0.15 : 0.05)) {
                        subtype = "SWIADCZENIA_ZDROWOTNE";
                    } else if (chance(0.05)) {
                        subtype = "NIEZALEZNIE_OD_DOCHODU";
                    } else if (chance(type == Type.SINGLE_HOMELESS ? 0.10 : 0.02)) {
                        subtype = "BILET_KREDYTOWANY";
                    }
                    long amount = needsRandomEvent ? between(50, 150) * 1000L : (100 + Math.round(1400 * rng.nextDouble() * rng.nextDouble())) * 100L;
                    Grant g = applicantGrant(ZASILEK_CELOWY, subtype);
                    if (subtype == null && chance(0.3)) {
                        // for food: mostly under the Posiłek programme
                        instalments(e, m, g.withMarkers(chance(0.6) ? PROGRAM_POSILEK : 0), amount);
                    } else {
                        oneOff(e, m, g, 1, amount);
                    }
                    guaranteed = false;
                    needsRandomEvent = false;
                }
                if (chance(0.006)) {
                    oneOff(e, m, applicantGrant(SPECJALNY_ZASILEK_CELOWY, null), 1, between(20, 100) * 1000L);
                }
                if (chance(clothes)) {
                    oneOff(e, m, applicantGrant(UBRANIE, null), 1, between(80, 350) * 100L);
                }
                if (chance(inKind) && dict.hasForm(POMOC_RZECZOWA)) {
                    // in kind: fuel, furniture, household appliances, school things
                    oneOff(e, m, applicantGrant(POMOC_RZECZOWA, null), 1, (150 + Math.round(1850 * rng.nextDouble() * rng.nextDouble())) * 100L);
                }
            }
            double independence = switch (type) {
                case SINGLE_UNEMPLOYED -> hasReason(ZAKLAD_KARNY) ? 0.2 : 0.03;
                case COUPLE_CHILDREN, SINGLE_PARENT -> 0.01;
                default -> 0.0;
            } + (foreign ? 0.03 : 0.0);
            if (!e.endMonth().isBefore(from) && chance(independence)) {
                YearMonth m = from.plusMonths(rng.nextInt((int) from.until(e.endMonth(), ChronoUnit.MONTHS) + 1));
                String subtype = pick(new String[] {"ZASILEK", "POZYCZKA", "W_NATURZE"}, new int[] {50, 30, 20});
                long amount = switch (subtype) {
                    case "POZYCZKA" -> between(30, 100) * 10000L;
                    case "W_NATURZE" -> between(100, 400) * 1000L;
                    default -> between(20, 60) * 10000L;
                };
                oneOff(e, m, applicantGrant(EKONOMICZNE_USAMODZIELNIENIE, subtype), 1, amount);
            }
            if (hasReason(KLESKA) && !e.endMonth().isBefore(from)) {
                int count = chance(0.4) ? 2 : 1;
                for (int i = 0; i < count; i++) {
                    YearMonth m = from.plusMonths(rng.nextInt((int) Math.min(3, from.until(e.endMonth(), ChronoUnit.MONTHS) + 1)));
                    oneOff(e, m, applicantGrant(ZASILEK_CELOWY_KLESKA, null), 1, between(10, 80) * 10000L);
                }
            }
        }

        private void oneOff(Episode e, YearMonth month, Grant g, int count, long cents) {
            LocalDate issued = max(e.start(), month.atDay(between(1, 28)));
            if (issued.isAfter(lastDay) || !YearMonth.from(issued).equals(month)) {
                return;
            }
            Dec decision = decision(issued, PRZYZNANIE, decisionReasons());
            LocalDate limit = min(e.lastServiceDay(), lastDay);
            LocalDate date = min(issued.plusDays(between(2, 20)), limit);
            benefit(g, decision, date, count, cents);
        }

        /** a zasiłek celowy paid in two instalments about two weeks apart (e.g. for food) */
        private void instalments(Episode e, YearMonth month, Grant g, long cents) {
            LocalDate issued = max(e.start(), month.atDay(between(1, 28)));
            if (issued.isAfter(lastDay) || !YearMonth.from(issued).equals(month)) {
                return;
            }
            Dec decision = decision(issued, PRZYZNANIE, decisionReasons());
            LocalDate limit = min(e.lastServiceDay(), lastDay);
            LocalDate first = issued.plusDays(between(2, 7));
            LocalDate second = first.plusDays(between(12, 16));
            long half = cents / 2 / 100 * 100;
            if (!first.isAfter(limit)) {
                benefit(g, decision, first, 1, half);
            }
            if (!second.isAfter(limit)) {
                benefit(g, decision, second, 1, cents - half);
            }
        }

        /** a funeral after the death of a single person closes the family (the membership ends that day) */
        private void funeral() {
            Episode last = episodes.get(episodes.size() - 1);
            if (!funeral || !last.endMonth().isBefore(lastMonth) || last.revokedOn() != null) {
                return;
            }
            YearMonth month = last.endMonth().plusMonths(1);
            Dec decision = decision(month.atDay(between(1, 15)), PRZYZNANIE, decisionReasons());
            LocalDate date = decision.issued.plusDays(between(2, 10));
            Grant g = grant(POGRZEB, type == Type.SINGLE_HOMELESS ? "BEZDOMNI" : null, applicant, chance(0.5));
            benefit(g, decision, date, 1, between(28, 55) * 10000L);
            applicant.to = date;
            funeralDate = date;
        }

        /** refusals: ODMOWA decisions with reasons and no benefits, now and then during the episodes */
        private void refusals() {
            for (Episode e : episodes) {
                YearMonth from = max(e.startMonth(), firstMonth);
                for (YearMonth m = from; !m.isAfter(e.endMonth()); m = m.plusMonths(1)) {
                    if (chance(0.026)) {
                        LocalDate issued = max(e.start(), m.atDay(between(1, 28)));
                        if (!issued.isAfter(lastDay) && YearMonth.from(issued).equals(m)) {
                            decision(issued, ODMOWA, decisionReasons());
                        }
                    }
                }
            }
        }

        /** UCHYLENIE at the end of an episode revokes every earlier decision of the family */
        private void revocations() {
            for (Episode e : episodes) {
                if (e.revokedOn() != null && !socialWorkOnly && !e.revokedOn().isAfter(lastDay)) {
                    decision(e.revokedOn(), UCHYLENIE, List.of());
                }
            }
        }

        private void socialWork() {
            if (!socialWorkOnly && !chance(0.62)) {
                return;
            }
            List<Work> rows = new ArrayList<>();
            for (Episode e : episodes) {
                YearMonth from = max(e.startMonth(), firstMonth);
                for (YearMonth m = from; !m.isAfter(e.endMonth()); m = m.plusMonths(1)) {
                    if (!chance(socialWorkOnly ? 0.85 : 0.75)) {
                        continue;
                    }
                    int visits = chance(0.1) ? 2 : 1;
                    for (int v = 0; v < visits; v++) {
                        LocalDate earliest = max(e.start(), m.atDay(1));
                        LocalDate latest = min(m.atEndOfMonth(), lastDay);
                        if (funeralDate != null) {
                            latest = min(latest, funeralDate);
                        }
                        if (!earliest.isAfter(latest)) {
                            rows.add(new Work(randomWorkday(earliest, latest), false));
                        }
                    }
                }
            }
            rows.sort(Comparator.comparing(Work::date));
            if (!rows.isEmpty() && chance(0.15)) {
                contracts(rows);
                rows.replaceAll(w -> underContract(w.date()) ? new Work(w.date(), true) : w);
            }
            f.socialWork.addAll(rows);
        }

        /**
         * One social contract (a second one after it for 20 %), signed at a social-work visit by the applicant or
         * (20 %) another grown-up member: 3–9 months, broken off earlier for 15 %; {@code do} empty when it runs
         * past the end of the data. A contract met at one of the first visits of a family already helped when the
         * period starts was signed at an earlier visit, before the period, for half of them.
         */
        private void contracts(List<Work> visits) {
            LocalDate after = null;
            int count = chance(0.2) ? 2 : 1;
            for (int i = 0; i < count; i++) {
                LocalDate notAfter = after;
                List<Work> candidates = notAfter == null ? visits
                        : visits.stream().filter(w -> w.date().isAfter(notAfter.plusDays(30))).toList();
                if (candidates.isEmpty()) {
                    return;
                }
                LocalDate visit = candidates.get(rng.nextInt(Math.min(candidates.size(), i == 0 ? candidates.size() : 3))).date();
                Member signer = applicant;
                if (chance(0.2)) {
                    List<Member> others = f.members.stream()
                            .filter(m -> m != applicant && m.memberOn(visit) && m.ageOn(visit) >= 18).toList();
                    if (!others.isEmpty()) {
                        signer = others.get(rng.nextInt(others.size()));
                    }
                }
                LocalDate signed = visit;
                if (i == 0 && visit.isBefore(firstDay.plusMonths(2)) && chance(0.5)) {
                    LocalDate earlier = visit.minusDays(between(30, 150));
                    if (earlier.isBefore(firstDay) && signer.memberOn(earlier)) {
                        signed = earlier;
                    }
                }
                LocalDate end = signed.plusMonths(between(3, 9)).minusDays(1);
                if (chance(0.15)) {
                    end = signed.plusDays(between(20, 75));
                }
                if (end.isBefore(visit)) {
                    end = visit.plusDays(between(0, 60));
                }
                if (funeralDate != null && end.isAfter(funeralDate)) {
                    end = funeralDate;
                }
                int size = membersOn(signed);
                int persons = size == 1 ? 1 : chance(0.4) ? 1 : chance(0.67) ? size : between(1, size);
                f.contracts.add(new Contract(signer, signed, end.isAfter(lastDay) ? null : end, persons));
                if (end.isAfter(lastDay)) {
                    return;
                }
                after = end;
            }
        }

        private boolean underContract(LocalDate day) {
            for (Contract c : f.contracts) {
                if (!day.isBefore(c.from()) && (c.to() == null || !day.isAfter(c.to()))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Help without a decision ({@code wsparcie.csv}): crisis intervention and legal, psychological and family
         * counselling, more likely with the reasons that call for them (przemoc, sytuacja kryzysowa, zdarzenie
         * losowe, handel ludźmi, uzależnienia, bezradność…). Each is a few sessions in one of the family's episodes,
         * on weekdays within the period; a session is for one member, or for the family (no person: 30 % of crisis
         * interventions, 60 % of family counselling, 10 % of the rest).
         */
        private void support() {
            boolean violence = hasReason(PRZEMOC);
            boolean crisis = hasReason(SYTUACJA_KRYZYSOWA) || hasReason(ZDARZENIE_LOSOWE) || hasReason(KLESKA);
            boolean addiction = hasReason(ALKOHOLIZM) || hasReason(NARKOMANIA);
            double intervention = 0.02 + (violence ? 0.6 : 0) + (crisis ? 0.4 : 0) + (hasReason(HANDEL_LUDZMI) ? 0.7 : 0)
                    + (addiction ? 0.08 : 0) + (type == Type.SINGLE_HOMELESS ? 0.04 : 0);
            double legal = 0.035 + (violence ? 0.3 : 0) + (hasReason(ZAKLAD_KARNY) ? 0.2 : 0) + (foreign ? 0.15 : 0)
                    + (hasReason(BEZDOMNOSC) ? 0.05 : 0) + (type == Type.SINGLE_PARENT ? 0.04 : 0);
            double psychological = 0.035 + (violence ? 0.4 : 0) + (crisis ? 0.25 : 0) + (addiction ? 0.2 : 0)
                    + (hasReason(BEZRADNOSC) ? 0.08 : 0);
            double family = children.isEmpty() ? (spouse != null ? 0.01 : 0.0)
                    : 0.03 + (hasReason(BEZRADNOSC) ? 0.15 : 0) + (violence ? 0.3 : 0) + (addiction ? 0.1 : 0);
            if (chance(intervention)) {
                sessions(INTERWENCJA_KRYZYSOWA, between(1, 4), 1, 10, 0.3);
            }
            if (chance(legal)) {
                sessions(PORADNICTWO_PRAWNE, between(1, 3), 7, 30, 0.1);
            }
            if (chance(psychological)) {
                sessions(PORADNICTWO_PSYCHOLOGICZNE, between(2, 8), 7, 21, 0.1);
            }
            if (chance(family)) {
                sessions(PORADNICTWO_RODZINNE, between(1, 6), 7, 28, 0.6);
            }
        }

        /** {@code count} sessions of {@code kind} in one episode, {@code minGap}–{@code maxGap} days apart */
        private void sessions(String kind, int count, int minGap, int maxGap, double wholeFamily) {
            Episode e = episodes.get(rng.nextInt(episodes.size()));
            LocalDate earliest = max(e.start(), firstDay);
            LocalDate latest = min(e.lastServiceDay(), lastDay);
            if (funeralDate != null) {
                latest = min(latest, funeralDate.minusDays(1));
            }
            if (earliest.isAfter(latest)) {
                return;
            }
            LocalDate day = randomWorkday(earliest, latest);
            for (int i = 0; i < count && !day.isAfter(latest); i++) {
                LocalDate date = day;
                Member person;
                if (chance(wholeFamily) && applicant.memberOn(date)) {
                    person = null;
                } else {
                    int minAge = kind.equals(PORADNICTWO_PSYCHOLOGICZNE) ? 7 : kind.equals(INTERWENCJA_KRYZYSOWA) ? 10 : 16;
                    List<Member> helped = f.members.stream().filter(m -> m.memberOn(date) && m.ageOn(date) >= minAge).toList();
                    person = helped.isEmpty() ? null : chance(0.7) && applicant.memberOn(date) ? applicant
                            : helped.get(rng.nextInt(helped.size()));
                    if (person == null && !applicant.memberOn(date)) {
                        break;
                    }
                }
                f.support.add(new Support(person, date, kind));
                day = day.plusDays(between(minGap, maxGap));
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                    day = day.plusDays(2);
                } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    day = day.plusDays(1);
                }
            }
        }

        // ---------------------------------------------------------------- helpers

        /** how many members the family has on {@code day} */
        private int membersOn(LocalDate day) {
            int count = 0;
            for (Member m : f.members) {
                if (m.memberOn(day)) {
                    count++;
                }
            }
            return count;
        }

        private Dec decision(LocalDate issued, String kind, List<String> decisionReasons) {
            Dec decision = new Dec(issued, kind, List.copyOf(decisionReasons), applicant, seq++);
            f.decisions.add(decision);
            return decision;
        }

        private boolean chance(double p) {
            return rng.nextDouble() < p;
        }

        /** uniform integer in [from, to] */
        private int between(int from, int to) {
            return rng.nextInt(from, to + 1);
        }

        private double uniform(double from, double to) {
            return from + (to - from) * rng.nextDouble();
        }

        /** more often near {@code from}: the minimum of two uniform draws */
        private int skewed(int from, int to) {
            return from + (int) ((to - from + 1) * Math.min(rng.nextDouble(), rng.nextDouble()));
        }

        /** months ≥ 1 with the given mean (geometric distribution) */
        private int geometric(double mean) {
            double u = rng.nextDouble();
            int months = 1 + (int) Math.floor(StrictMath.log(1 - u) / StrictMath.log(1 - 1 / mean));
            return Math.min(months, 600);
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int point = rng.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                point -= weights[i];
                if (point < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private String pick(String[] values, int[] weights) {
            return values[weighted(weights)];
        }

        private void maybe(List<String> list, String reason, double p) {
            if (chance(p) && !list.contains(reason)) {
                list.add(reason);
            }
        }

        private LocalDate birthFor(LocalDate at, int age) {
            LocalDate latest = at.minusYears(age);
            return latest.minusDays(rng.nextInt(365));
        }

        private LocalDate randomDay(LocalDate from, LocalDate to) {
            return from.plusDays(rng.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
        }

        /** a random day, moved to the nearest weekday when that stays in range */
        private LocalDate randomWorkday(LocalDate from, LocalDate to) {
            LocalDate day = randomDay(from, to);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY && !day.minusDays(1).isBefore(from)) {
                day = day.minusDays(1);
            } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY && !day.plusDays(1).isAfter(to)) {
                day = day.plusDays(1);
            }
            return day;
        }

        private char other(char sex) {
            return sex == 'K' ? 'M' : 'K';
        }
    }

    /** {month start as yyyymm, criterion alone, criterion in family, max zasiłek stały} valid in {@code month} */
    static int[] criteria(YearMonth month) {
        int key = month.getYear() * 100 + month.getMonthValue();
        int[] found = CRITERIA[0];
        for (int[] row : CRITERIA) {
            if (row[0] <= key) {
                found = row;
            }
        }
        return found;
    }

    /** the minimum wage in zł valid in {@code month} (the earliest figure before the table starts) */
    static int minimumWage(YearMonth month) {
        int key = month.getYear() * 100 + month.getMonthValue();
        int found = MINIMUM_WAGE[0][1];
        for (int[] row : MINIMUM_WAGE) {
            if (row[0] <= key) {
                found = row[1];
            }
        }
        return found;
    }

    static boolean minimumWageChange(YearMonth month) {
        int key = month.getYear() * 100 + month.getMonthValue();
        for (int[] row : MINIMUM_WAGE) {
            if (row[0] == key) {
                return true;
            }
        }
        return false;
    }

    static boolean criteriaChange(YearMonth month) {
        int key = month.getYear() * 100 + month.getMonthValue();
        for (int[] row : CRITERIA) {
            if (row[0] == key) {
                return true;
            }
        }
        return false;
    }

    /** approximate number of school days in a month (winter holidays in January/February, Christmas in December) */
    static int schoolDays(YearMonth month) {
        return switch (month.getMonth()) {
            case JANUARY -> 16;
            case FEBRUARY -> 15;
            case MARCH -> 21;
            case APRIL -> 19;
            case MAY -> 18;
            case JUNE -> 17;
            case SEPTEMBER -> 21;
            case OCTOBER -> 22;
            case NOVEMBER -> 19;
            case DECEMBER -> 15;
            default -> 0;
        };
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
