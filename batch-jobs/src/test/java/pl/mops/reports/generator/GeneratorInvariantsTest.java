package pl.mops.reports.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import pl.mops.reports.generator.GeneratedData.Benefit;
import pl.mops.reports.generator.GeneratedData.Contract;
import pl.mops.reports.generator.GeneratedData.Decision;
import pl.mops.reports.generator.GeneratedData.Family;
import pl.mops.reports.generator.GeneratedData.Membership;
import pl.mops.reports.generator.GeneratedData.Person;
import pl.mops.reports.generator.GeneratedData.PlanLine;
import pl.mops.reports.generator.GeneratedData.SocialWork;
import pl.mops.reports.generator.GeneratedData.Support;

/**
 * Checks the demo-sized data set (15 000 families, 2 years to 2026-10) against the interchange
 * contract (version 2) and the intended shape, with checks written independently of the generator: a separate
 * PESEL validator, an interval sweep over memberships, the dictionaries read straight from
 * {@code config/} (with {@code formy-wersja-2.csv}, {@code podtypy-wersja-2.csv} and {@code cechy.csv} when the
 * build has them) plus the codes contract version 2 adds ({@link ContractVersion2}: the set the demo has once the
 * shipped dictionaries carry them; {@link #theShippedDictionariesAreUsedWholly} checks the shipped ones alone).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorInvariantsTest {

    private static final GeneratorSettings DEMO = GeneratorSettings.demo(YearMonth.of(2026, 10));
    private static final Set<String> GRANTING = Set.of("PRZYZNANIE", "ZMIANA");

    private GeneratedData data;
    private Map<String, Decision> decisions;
    private Map<String, List<Membership>> membershipsByFamily;

    @BeforeAll
    void generate() {
        long start = System.nanoTime();
        data = ContractVersion2.generator().collect(DEMO);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("collect() of the demo set must stay fast (ms)").isLessThan(10_000);
        decisions = data.decisions().stream().collect(Collectors.toMap(Decision::decyzjaId, d -> d));
        membershipsByFamily = data.memberships().stream().collect(Collectors.groupingBy(Membership::rodzinaId));
    }

    // ------------------------------------------------------------------ persons

    @Test
    void everyPeselPassesTheChecksumAndAgreesWithBirthDateAndSex() {
        int withPesel = 0;
        Set<String> seen = new HashSet<>();
        for (Person person : data.persons()) {
            assertThat(person.sex()).isIn('K', 'M');
            if (person.pesel() == null) {
                continue;
            }
            withPesel++;
            assertThat(PeselCheck.problem(person.pesel(), person.birthDate(), person.sex()))
                    .as("PESEL %s of %s", person.pesel(), person.osobaId()).isNull();
            assertThat(seen.add(person.pesel())).as("PESEL %s is unique", person.pesel()).isTrue();
            assertThat(person.citizenship()).isEqualTo("PL");
        }
        double without = 1.0 - (double) withPesel / data.persons().size();
        assertThat(without).as("share of persons without PESEL (3 %% + foreigners)").isBetween(0.03, 0.09);
        assertThat(data.persons().stream().filter(p -> p.birthDate().getYear() >= 2000 && p.pesel() != null).count())
                .as("persons born 2000+ exercise the century coding").isGreaterThan(1000);
    }

    @Test
    void theValidatorItselfRejectsBadNumbers() {
        assertThat(PeselCheck.problem("44051401359", LocalDate.of(1944, 5, 14), 'M')).isNull();
        assertThat(PeselCheck.problem("44051401358", LocalDate.of(1944, 5, 14), 'M')).contains("checksum");
        assertThat(PeselCheck.problem("44051401359", LocalDate.of(1944, 5, 14), 'K')).contains("sex");
        assertThat(PeselCheck.problem("02270803624", LocalDate.of(2002, 7, 8), 'K')).isNull();
        assertThat(PeselCheck.problem("02270803624", LocalDate.of(1902, 7, 8), 'K')).contains("birth");
        assertThat(PeselCheck.problem("0227080362", LocalDate.of(2002, 7, 8), 'K')).contains("digits");
    }

    @Test
    void foreignersHaveNoPeselAndAboutTwoPercentOfFamiliesAreForeign() {
        Map<String, Person> persons = persons();
        Set<String> foreignFamilies = new HashSet<>();
        for (Membership m : data.memberships()) {
            Person p = persons.get(m.osobaId());
            if (!p.citizenship().equals("PL")) {
                assertThat(p.pesel()).isNull();
                assertThat(p.citizenship()).matches("[A-Z]{2}");
                foreignFamilies.add(m.rodzinaId());
            }
        }
        assertThat((double) foreignFamilies.size() / data.families().size()).isBetween(0.01, 0.035);
        assertThat(data.persons().stream().map(Person::incomeSource).filter(s -> s != null).collect(Collectors.toSet()))
                .isSubsetOf("EMERYTURA", "RENTA", "PRACA", "ZASILEK", "BRAK", "INNE");
    }

    // ------------------------------------------------------------------ families and memberships

    @Test
    void noPersonIsInTwoFamiliesOnOneDayAndEveryFamilyHasExactlyOneApplicantEveryDay() {
        Map<String, List<Membership>> byPerson = data.memberships().stream().collect(Collectors.groupingBy(Membership::osobaId));
        assertThat(byPerson.keySet()).isEqualTo(persons().keySet());
        for (List<Membership> list : byPerson.values()) {
            List<Membership> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(Membership::from));
            for (int i = 1; i < sorted.size(); i++) {
                Membership previous = sorted.get(i - 1);
                assertThat(previous.to()).as("overlap for %s", previous.osobaId()).isNotNull();
                assertThat(sorted.get(i).from()).isAfter(previous.to());
            }
        }
        for (Map.Entry<String, List<Membership>> family : membershipsByFamily.entrySet()) {
            List<Membership> members = family.getValue();
            TreeSet<LocalDate> boundaries = new TreeSet<>();
            for (Membership m : members) {
                assertThat(m.to() == null || !m.to().isBefore(m.from())).as("do ≥ od in %s", family.getKey()).isTrue();
                assertThat(m.role()).isIn("WNIOSKODAWCA", "MALZONEK", "PARTNER", "DZIECKO", "INNY");
                boundaries.add(m.from());
                if (m.to() != null) {
                    boundaries.add(m.to().plusDays(1));
                }
            }
            for (LocalDate day : boundaries) {
                long present = members.stream().filter(m -> on(m, day)).count();
                long applicants = members.stream().filter(m -> on(m, day) && m.role().equals("WNIOSKODAWCA")).count();
                if (present > 0) {
                    assertThat(applicants).as("applicants of %s on %s", family.getKey(), day).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void someFamiliesChangeOverTime() {
        long ended = data.memberships().stream().filter(m -> m.to() != null).count();
        Map<String, LocalDate> firstFrom = new HashMap<>();
        data.memberships().forEach(m -> firstFrom.merge(m.rodzinaId(), m.from(), (a, b) -> a.isBefore(b) ? a : b));
        long joinedLater = data.memberships().stream().filter(m -> m.from().isAfter(firstFrom.get(m.rodzinaId()))).count();
        Map<String, Person> persons = persons();
        long newborns = data.memberships().stream().filter(m -> m.role().equals("DZIECKO") && m.from().isAfter(DEMO.firstDay())
                && m.from().equals(persons.get(m.osobaId()).birthDate())).count();
        assertThat(ended).isGreaterThan(100);
        assertThat(joinedLater).isGreaterThan(100);
        assertThat(newborns).isGreaterThan(50);
    }

    @Test
    void membershipStartsAtOrBeforeTheFamilysFirstDecisionAndDecisionPersonsAreMembers() {
        Map<String, LocalDate> firstDecision = new HashMap<>();
        for (Decision d : data.decisions()) {
            firstDecision.merge(d.rodzinaId(), d.issued(), (a, b) -> a.isBefore(b) ? a : b);
            Membership m = membershipOf(d.rodzinaId(), d.osobaId());
            assertThat(m).as("person of decision %s is in its family", d.decyzjaId()).isNotNull();
            assertThat(on(m, d.issued())).as("person of decision %s is a member on its date", d.decyzjaId()).isTrue();
        }
        firstDecision.forEach((family, date) -> assertThat(membershipsByFamily.get(family).stream()
                .anyMatch(m -> m.role().equals("WNIOSKODAWCA") && !m.from().isAfter(date))).isTrue());
    }

    @Test
    void familyCompositionLooksLikeKrakow() {
        Map<String, Person> persons = persons();
        long singles = membershipsByFamily.values().stream().filter(list -> list.size() == 1).count();
        assertThat((double) singles / data.families().size()).as("single-person families").isBetween(0.50, 0.60);
        long singleParents = membershipsByFamily.values().stream()
                .filter(list -> list.stream().noneMatch(m -> m.role().equals("MALZONEK") || m.role().equals("PARTNER"))
                        && list.stream().anyMatch(m -> m.role().equals("DZIECKO")))
                .count();
        assertThat(singleParents).isGreaterThan(1000);
        long withFourChildren = membershipsByFamily.values().stream()
                .filter(list -> list.stream().filter(m -> m.role().equals("DZIECKO")).count() >= 4).count();
        assertThat(withFourChildren).isGreaterThan(100);
        long pensioners = membershipsByFamily.values().stream().filter(list -> list.stream()
                .anyMatch(m -> m.role().equals("WNIOSKODAWCA")
                        && Set.of("EMERYTURA", "RENTA").contains(persons.get(m.osobaId()).incomeSource()))).count();
        assertThat((double) pensioners / data.families().size()).isBetween(0.25, 0.50);
    }

    @Test
    void districtsFollowThePopulationAndBranchesTheDictionary() {
        Map<String, Long> population = new LinkedHashMap<>();
        for (String[] row : csv("config/ludnosc-dzielnic.csv")) {
            population.put(row[0], Long.parseLong(row[2]));
        }
        Map<String, String> branchOf = new HashMap<>();
        for (String[] row : csv("config/slowniki/dzielnice.csv")) {
            branchOf.put(row[0], row[3]);
        }
        long total = population.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> counts = data.families().stream().collect(Collectors.groupingBy(Family::district, Collectors.counting()));
        assertThat(counts.keySet()).isEqualTo(population.keySet());
        for (Map.Entry<String, Long> district : population.entrySet()) {
            double expected = (double) district.getValue() / total;
            double actual = (double) counts.get(district.getKey()) / data.families().size();
            assertThat(actual).as("share of district %s", district.getKey()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
        }
        long empty = 0;
        long rural = 0;
        for (Family family : data.families()) {
            if (family.branch() == null) {
                empty++;
            } else {
                assertThat(family.branch()).isEqualTo(branchOf.get(family.district()));
            }
            assertThat(family.area()).isIn("MIASTO", "WIES");
            rural += family.area().equals("WIES") ? 1 : 0;
        }
        assertThat((double) empty / data.families().size()).isBetween(0.27, 0.33);
        assertThat((double) rural / data.families().size()).isBetween(0.005, 0.02);
    }

    // ------------------------------------------------------------------ decisions and benefits

    @Test
    void everyBenefitHasAGrantOrChangeIssuedOnOrBeforeItsDate() {
        Set<String> decisionsWithBenefits = new HashSet<>();
        for (Benefit b : data.benefits()) {
            Decision d = decisions.get(b.decyzjaId());
            assertThat(d).as("decision of %s", b.swiadczenieId()).isNotNull();
            assertThat(d.kind()).as("kind of decision of %s", b.swiadczenieId()).isIn(GRANTING);
            assertThat(d.issued()).as("decision date of %s", b.swiadczenieId()).isBeforeOrEqualTo(b.date());
            decisionsWithBenefits.add(d.decyzjaId());
        }
        assertThat(data.decisions().stream().filter(d -> d.kind().equals("ODMOWA")))
                .allMatch(d -> !decisionsWithBenefits.contains(d.decyzjaId()));
        assertThat(data.decisions().stream().filter(d -> d.kind().equals("ZMIANA") && decisionsWithBenefits.contains(d.decyzjaId())).count())
                .as("benefits realised under ZMIANA decisions").isGreaterThan(500);
    }

    @Test
    void nothingIsRealisedUnderADecisionRevokedByAnUchylenie() {
        Map<String, List<LocalDate>> revocations = new HashMap<>();
        data.decisions().stream().filter(d -> d.kind().equals("UCHYLENIE"))
                .forEach(d -> revocations.computeIfAbsent(d.rodzinaId(), k -> new ArrayList<>()).add(d.issued()));
        assertThat(revocations).isNotEmpty();
        for (Benefit b : data.benefits()) {
            Decision d = decisions.get(b.decyzjaId());
            for (LocalDate revoked : revocations.getOrDefault(d.rodzinaId(), List.of())) {
                boolean revokedBeforeBenefit = d.issued().isBefore(revoked) && !b.date().isBefore(revoked);
                assertThat(revokedBeforeBenefit).as("%s under %s after UCHYLENIE of %s", b.swiadczenieId(), d.decyzjaId(), revoked)
                        .isFalse();
            }
        }
    }

    @Test
    void decisionsCarryReasonsFromTheDictionaryAndAboutSixPercentAreRefusals() {
        Set<String> reasons = column("config/slowniki/powody.csv", 0);
        Map<String, Long> kinds = data.decisions().stream().collect(Collectors.groupingBy(Decision::kind, TreeMap::new, Collectors.counting()));
        assertThat(kinds.keySet()).containsExactly("ODMOWA", "PRZYZNANIE", "UCHYLENIE", "ZMIANA");
        assertThat((double) kinds.get("ODMOWA") / data.decisions().size()).isBetween(0.04, 0.08);
        for (Decision d : data.decisions()) {
            assertThat(d.reasons()).isSubsetOf(reasons).doesNotHaveDuplicates();
            assertThat(d.reasons().size()).isLessThanOrEqualTo(3);
            if (d.kind().equals("PRZYZNANIE") || d.kind().equals("ODMOWA")) {
                assertThat(d.reasons()).as("reasons of %s", d.decyzjaId()).isNotEmpty();
            }
            if (d.kind().equals("UCHYLENIE")) {
                assertThat(d.reasons()).isEmpty();
            }
            assertThat(d.issued()).isBeforeOrEqualTo(DEMO.lastDay());
        }
    }

    @Test
    void benefitRowsFitTheDictionaries() {
        Map<String, String> forms = taskOfForm();
        Set<String> subtypes = subtypes();
        Map<String, Person> persons = persons();
        for (Benefit b : data.benefits()) {
            assertThat(forms).containsKey(b.form());
            if (b.subtype() != null) {
                assertThat(subtypes).as("sub-type of %s", b.swiadczenieId()).contains(b.form() + "/" + b.subtype());
            }
            if (b.task() != null) {
                assertThat(b.task()).isEqualTo(forms.get(b.form()));
            }
            if (b.markers() != null) {
                assertThat(b.markerList()).as("markers of %s", b.swiadczenieId()).isNotEmpty().doesNotHaveDuplicates()
                        .isSubsetOf(ContractVersion2.MARKERS);
            }
            if (b.financing() != null) {
                assertThat(b.financing()).isIn("DOTACJA", "SRODKI_WLASNE");
            }
            assertThat(b.count()).isGreaterThanOrEqualTo(1);
            assertThat(b.amount().signum()).isGreaterThanOrEqualTo(0);
            assertThat(b.amount().scale()).isEqualTo(2);
            String recipient = b.osobaId() != null ? b.osobaId() : decisions.get(b.decyzjaId()).osobaId();
            Membership m = membershipOf(decisions.get(b.decyzjaId()).rodzinaId(), recipient);
            assertThat(m != null && on(m, b.date())).as("recipient of %s is a family member that day", b.swiadczenieId()).isTrue();
            if ("DZIECI".equals(b.subtype())) {
                assertThat(java.time.Period.between(persons.get(recipient).birthDate(), b.date()).getYears()).isLessThan(18);
            }
        }
        assertThat(data.benefits().stream().filter(b -> b.osobaId() == null).count()).as("recipient left empty").isGreaterThan(10_000);
        assertThat(data.benefits().stream().filter(b -> b.osobaId() != null
                && !b.osobaId().equals(decisions.get(b.decyzjaId()).osobaId())).count()).as("another member as recipient").isGreaterThan(1_000);
        assertThat(data.benefits().stream().filter(b -> b.task() != null).count()).isGreaterThan(1_000);
        assertThat(data.benefits().stream().filter(b -> b.financing() == null).count()).isGreaterThan(1_000);
    }

    @Test
    void financingFollowsTheFormAndIsOnEveryZasilekOkresowy() {
        Map<String, String> taskOf = taskOfForm();
        BigDecimal okresowy = BigDecimal.ZERO;
        BigDecimal ownFunds = BigDecimal.ZERO;
        for (Benefit b : data.benefits()) {
            if (b.form().equals("ZASILEK_OKRESOWY")) {
                assertThat(b.financing()).as("financing of %s", b.swiadczenieId()).isIn("DOTACJA", "SRODKI_WLASNE");
                if (b.date().getMonthValue() == 12) {
                    assertThat(b.financing()).as("December payment %s (the year's grant used up)", b.swiadczenieId())
                            .isEqualTo("SRODKI_WLASNE");
                }
                okresowy = okresowy.add(b.amount());
                ownFunds = b.financing().equals("SRODKI_WLASNE") ? ownFunds.add(b.amount()) : ownFunds;
            } else if (b.financing() != null) {
                boolean grant = b.form().equals("ZASILEK_STALY") || taskOf.get(b.form()).equals("ZLECONE");
                assertThat(b.financing()).isEqualTo(grant ? "DOTACJA" : "SRODKI_WLASNE");
            }
        }
        assertThat(ownFunds.doubleValue() / okresowy.doubleValue()).as("share of own funds in the zasiłek okresowy")
                .isBetween(0.07, 0.20);
    }

    @Test
    void everyFormReasonSubtypeMarkerAndKindOfHelpAppears() {
        assertThat(data.benefits().stream().map(Benefit::form).collect(Collectors.toSet()))
                .isEqualTo(taskOfForm().keySet()).hasSizeGreaterThanOrEqualTo(19);
        assertThat(data.decisions().stream().flatMap(d -> d.reasons().stream()).collect(Collectors.toSet()))
                .isEqualTo(column("config/slowniki/powody.csv", 0)).hasSize(17);
        assertThat(data.benefits().stream().filter(b -> b.subtype() != null).map(b -> b.form() + "/" + b.subtype())
                .collect(Collectors.toSet())).isEqualTo(subtypes());
        assertThat(data.benefits().stream().flatMap(b -> b.markerList().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ContractVersion2.MARKERS);
        assertThat(data.support().stream().map(Support::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ContractVersion2.SUPPORT_KINDS);
    }

    @Test
    void reasonsFollowTheKrakowFrequencies() {
        Map<String, Set<String>> byFamily = new HashMap<>();
        Set<String> realised = data.benefits().stream().map(Benefit::decyzjaId).collect(Collectors.toSet());
        for (Decision d : data.decisions()) {
            if (realised.contains(d.decyzjaId())) {
                byFamily.computeIfAbsent(d.rodzinaId(), k -> new HashSet<>()).addAll(d.reasons());
            }
        }
        Map<String, Long> families = new HashMap<>();
        byFamily.values().forEach(set -> set.forEach(r -> families.merge(r, 1L, Long::sum)));
        // Kraków 2017 ordering of the big reasons: choroba > ubóstwo ≈ niepełnosprawność > bezrobocie > bezradność > bezdomność
        assertThat(families.get("CHOROBA")).isGreaterThan(families.get("UBOSTWO"));
        assertThat(families.get("UBOSTWO")).isGreaterThan(families.get("BEZROBOCIE"));
        assertThat(families.get("NIEPELNOSPRAWNOSC")).isGreaterThan(families.get("BEZROBOCIE"));
        assertThat(families.get("BEZROBOCIE")).isGreaterThan(families.get("BEZRADNOSC"));
        assertThat(families.get("BEZRADNOSC")).isGreaterThan(families.get("BEZDOMNOSC"));
        assertThat(families.get("BEZDOMNOSC")).isGreaterThan(families.get("ALKOHOLIZM"));
        double choroba = families.get("CHOROBA");
        assertThat(families.get("UBOSTWO") / choroba).isBetween(0.65, 0.90);
        assertThat(families.get("NIEPELNOSPRAWNOSC") / choroba).isBetween(0.65, 0.90);
        assertThat(families.get("BEZROBOCIE") / choroba).isBetween(0.35, 0.60);
    }

    @Test
    void reasonsFitTheFamily() {
        Map<String, Set<String>> roles = new HashMap<>();
        data.memberships().forEach(m -> roles.computeIfAbsent(m.rodzinaId(), k -> new HashSet<>()).add(m.role()));
        Map<String, Person> persons = persons();
        long helpless = 0;
        long helplessWithChildren = 0;
        for (Decision d : data.decisions()) {
            if (d.reasons().contains("BEZDOMNOSC")) {
                assertThat(membershipsByFamily.get(d.rodzinaId())).as("homeless family %s is one person", d.rodzinaId()).hasSize(1);
            }
            if (d.reasons().contains("MACIERZYNSTWO") || d.reasons().contains("SIEROCTWO")) {
                assertThat(roles.get(d.rodzinaId())).as("family %s has a child", d.rodzinaId()).contains("DZIECKO");
            }
            if (d.reasons().contains("INTEGRACJA_CUDZOZIEMCOW")) {
                assertThat(persons.get(d.osobaId()).citizenship()).isNotEqualTo("PL");
            }
            if (d.reasons().contains("BEZRADNOSC")) {
                // bezradność also covers running a household, so a few single elderly have it too
                helpless++;
                helplessWithChildren += roles.get(d.rodzinaId()).contains("DZIECKO") ? 1 : 0;
            }
        }
        assertThat((double) helplessWithChildren / helpless).isGreaterThan(0.85);
    }

    @Test
    void datesStayInTheRangeAndEveryMonthHasThousandsOfRealisations() {
        LocalDate first = DEMO.firstDay();
        LocalDate last = DEMO.lastDay();
        Map<YearMonth, Long> perMonth = new TreeMap<>();
        for (Benefit b : data.benefits()) {
            assertThat(b.date()).isBetween(first, last);
            perMonth.merge(YearMonth.from(b.date()), 1L, Long::sum);
        }
        for (SocialWork w : data.socialWork()) {
            assertThat(w.date()).isBetween(first, last);
        }
        for (Membership m : data.memberships()) {
            assertThat(m.from()).isBeforeOrEqualTo(last);
            if (m.to() != null) {
                assertThat(m.to()).isBeforeOrEqualTo(last);
            }
        }
        for (Person p : data.persons()) {
            assertThat(p.birthDate()).isBeforeOrEqualTo(last).isAfter(LocalDate.of(1900, 1, 1));
        }
        assertThat(perMonth).hasSize(24);
        assertThat(perMonth.values()).allMatch(n -> n >= 3_000);
    }

    @Test
    void scaleOfTheDemo() {
        assertThat(data.families()).hasSize(15_000);
        assertThat(data.persons().size()).isBetween(20_000, 30_000);
        assertThat(data.benefits().size()).isBetween(150_000, 300_000);
        Set<String> ongoing = data.decisions().stream().filter(d -> d.issued().isBefore(DEMO.firstDay()))
                .map(Decision::rodzinaId).collect(Collectors.toSet());
        assertThat((double) ongoing.size() / data.families().size()).as("families helped before the period").isBetween(0.20, 0.40);
        Map<String, String> familyOfDecision = data.decisions().stream().collect(Collectors.toMap(Decision::decyzjaId, Decision::rodzinaId));
        long helpedInFirstMonth = data.benefits().stream().filter(b -> YearMonth.from(b.date()).equals(DEMO.firstMonth()))
                .map(b -> familyOfDecision.get(b.decyzjaId())).distinct().count();
        assertThat((double) helpedInFirstMonth / data.families().size()).as("families helped in the first month").isBetween(0.20, 0.40);
        Map<YearMonth, Long> starts = new TreeMap<>();
        Map<String, LocalDate> firstDecision = new HashMap<>();
        data.decisions().forEach(d -> firstDecision.merge(d.rodzinaId(), d.issued(), (a, b) -> a.isBefore(b) ? a : b));
        firstDecision.values().stream().filter(d -> !d.isBefore(DEMO.firstDay()))
                .forEach(d -> starts.merge(YearMonth.from(d), 1L, Long::sum));
        assertThat(starts).as("families start at spread-out times").hasSize(24);
        assertThat(starts.values()).allMatch(n -> n >= 200);
    }

    @Test
    void socialWorkReachesMostFamiliesSomeUnderContractAndSomeWithoutBenefits() {
        Map<String, String> familyOfDecision = data.decisions().stream().collect(Collectors.toMap(Decision::decyzjaId, Decision::rodzinaId));
        Set<String> withBenefits = data.benefits().stream().map(b -> familyOfDecision.get(b.decyzjaId())).collect(Collectors.toSet());
        Set<String> withWork = data.socialWork().stream().map(SocialWork::rodzinaId).collect(Collectors.toSet());
        Set<String> underContract = data.socialWork().stream().filter(SocialWork::contract).map(SocialWork::rodzinaId).collect(Collectors.toSet());
        long onlyWork = withWork.stream().filter(f -> !withBenefits.contains(f)).count();
        assertThat((double) withWork.size() / data.families().size()).isBetween(0.55, 0.75);
        assertThat((double) underContract.size() / withWork.size()).isBetween(0.10, 0.20);
        assertThat((double) onlyWork / data.families().size()).isBetween(0.02, 0.08);
    }

    @Test
    void planIsTheYearsTotalTimesAFactorRoundedToHundreds() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Benefit b : data.benefits()) {
            totals.merge(b.date().getYear() + "/" + b.form(), b.amount(), BigDecimal::add);
        }
        Map<String, BigDecimal> plan = new TreeMap<>();
        for (PlanLine line : data.plan()) {
            plan.put(line.year() + "/" + line.form(), line.amount());
        }
        assertThat(plan.keySet()).isEqualTo(totals.keySet());
        assertThat(data.plan().stream().map(PlanLine::year).collect(Collectors.toSet())).containsExactlyInAnyOrder(2024, 2025, 2026);
        for (Map.Entry<String, BigDecimal> entry : plan.entrySet()) {
            BigDecimal amount = entry.getValue();
            BigDecimal total = totals.get(entry.getKey());
            assertThat(amount.remainder(BigDecimal.valueOf(100)).signum()).as("whole hundreds: %s", entry.getKey()).isZero();
            assertThat(amount).as("plan of %s", entry.getKey()).isBetween(total.subtract(BigDecimal.valueOf(50)),
                    total.multiply(new BigDecimal("1.15")).add(BigDecimal.valueOf(50)).max(BigDecimal.valueOf(100)));
        }
    }

    @Test
    void idsAreZeroPaddedSortableAndUnique() {
        assertIds(data.persons().stream().map(Person::osobaId).toList(), "O\\d{7}");
        assertIds(data.families().stream().map(Family::rodzinaId).toList(), "R\\d{6}");
        assertIds(data.decisions().stream().map(Decision::decyzjaId).toList(), "D\\d{7}");
        assertIds(data.benefits().stream().map(Benefit::swiadczenieId).toList(), "S\\d{9}");
    }

    // ------------------------------------------------------------------ contract version 2

    @Test
    void zasilekStalyCarriesTheSubtypeOfItsDecisionOnEveryRow() {
        Map<String, Set<String>> subtypesOfDecision = new HashMap<>();
        long rows = 0;
        long empty = 0;
        long inFamily = 0;
        for (Benefit b : data.benefits()) {
            if (!b.form().equals("ZASILEK_STALY")) {
                continue;
            }
            rows++;
            String subtype = b.subtype() == null ? "" : b.subtype();
            empty += subtype.isEmpty() ? 1 : 0;
            inFamily += subtype.equals("W_RODZINIE") ? 1 : 0;
            subtypesOfDecision.computeIfAbsent(b.decyzjaId(), k -> new HashSet<>()).add(subtype);
        }
        subtypesOfDecision.forEach((id, set) -> {
            assertThat(set).as("sub-types of the rows of decision %s (the import rejects a disagreeing row)", id).hasSize(1);
            String subtype = set.iterator().next();
            if (!subtype.isEmpty()) {
                Decision d = decisions.get(id);
                long members = membershipsByFamily.get(d.rodzinaId()).stream().filter(m -> on(m, d.issued())).count();
                assertThat(subtype).as("decision %s: %d members on %s", id, members, d.issued())
                        .isEqualTo(members == 1 ? "SAMOTNIE" : "W_RODZINIE");
            }
        });
        assertThat((double) empty / rows).as("rows without sub-type (classified by family size)").isBetween(0.05, 0.20);
        assertThat((double) inFamily / rows).as("rows of persons in a family").isBetween(0.04, 0.25);
    }

    @Test
    void markersSitOnTheirFormsWithPlausibleShares() {
        long meals = 0;
        long mealsInProgramme = 0;
        long mealsAdHoc = 0;
        long childrenAdHoc = 0;
        long products = 0;
        long productsAdHoc = 0;
        long shelter = 0;
        long massCrisis = 0;
        long okresowy = 0;
        long continued = 0;
        long twoMarkers = 0;
        for (Benefit b : data.benefits()) {
            List<String> markers = b.markerList();
            String id = b.swiadczenieId();
            if (markers.contains("DORAZNIE")) {
                assertThat(b.form()).as(id).isIn("POSILEK", "PRODUKTY_ZYWNOSCIOWE");
            }
            if (markers.contains("KRYZYS_MASOWY")) {
                assertThat(b.form()).as(id).isEqualTo("SCHRONIENIE");
            }
            if (markers.contains("NIEZALEZNIE_OD_DOCHODU")) {
                assertThat(b.form()).as(id).isEqualTo("ZASILEK_OKRESOWY");
                assertThat(decisions.get(b.decyzjaId()).kind()).as("%s continues under a ZMIANA", id).isEqualTo("ZMIANA");
            }
            if (markers.contains("PROGRAM_POSILEK")) {
                assertThat(b.form()).as(id).isIn("POSILEK", "PRODUKTY_ZYWNOSCIOWE", "ZASILEK_CELOWY");
            }
            twoMarkers += markers.size() >= 2 ? 1 : 0;
            switch (b.form()) {
                case "POSILEK" -> {
                    meals++;
                    mealsInProgramme += markers.contains("PROGRAM_POSILEK") ? 1 : 0;
                    mealsAdHoc += markers.contains("DORAZNIE") ? 1 : 0;
                    childrenAdHoc += markers.contains("DORAZNIE") && "DZIECI".equals(b.subtype()) ? 1 : 0;
                }
                case "PRODUKTY_ZYWNOSCIOWE" -> {
                    products++;
                    productsAdHoc += markers.contains("DORAZNIE") ? 1 : 0;
                }
                case "SCHRONIENIE" -> {
                    shelter++;
                    massCrisis += markers.contains("KRYZYS_MASOWY") ? 1 : 0;
                }
                case "ZASILEK_OKRESOWY" -> {
                    okresowy++;
                    continued += markers.contains("NIEZALEZNIE_OD_DOCHODU") ? 1 : 0;
                }
                default -> {
                }
            }
        }
        assertThat((double) mealsInProgramme / meals).as("meals under the Posiłek programme").isBetween(0.75, 0.95);
        assertThat((double) mealsAdHoc / meals).as("meals granted ad hoc").isBetween(0.01, 0.10);
        assertThat(childrenAdHoc).as("children's meals granted ad hoc").isGreaterThan(100);
        assertThat((double) productsAdHoc / products).as("food products granted ad hoc").isBetween(0.20, 0.60);
        assertThat(massCrisis).as("shelter in a mass-scale crisis: a few stays").isBetween(10L, shelter / 25);
        assertThat((double) continued / okresowy).as("zasiłek okresowy continued after taking up work").isBetween(0.02, 0.10);
        assertThat(twoMarkers).as("rows with two markers").isGreaterThan(500);
    }

    @Test
    void newFormsReachKrakowScaleNumbersOfPeople() {
        Map<String, Person> persons = persons();
        Map<String, Set<String>> families = new HashMap<>();
        Map<String, Set<String>> recipients = new HashMap<>();
        for (Benefit b : data.benefits()) {
            Decision d = decisions.get(b.decyzjaId());
            String recipient = b.osobaId() != null ? b.osobaId() : d.osobaId();
            String key = b.form() + (b.form().equals("POMOC_CUDZOZIEMCOM") ? "/" + b.subtype() : "");
            families.computeIfAbsent(key, k -> new HashSet<>()).add(d.rodzinaId());
            recipients.computeIfAbsent(key, k -> new HashSet<>()).add(recipient);
            if (b.form().equals("POMOC_CUDZOZIEMCOM")) {
                assertThat(persons.get(d.osobaId()).citizenship()).as("aid to foreigners %s", b.swiadczenieId()).isNotEqualTo("PL");
            }
            if (b.form().equals("SKLADKA_EMERYTALNA_RENTOWA")) {
                assertThat(recipient).as("pension contributions %s: the carer, not the applicant", b.swiadczenieId())
                        .isNotEqualTo(d.osobaId());
                assertThat(java.time.Period.between(persons.get(recipient).birthDate(), b.date()).getYears()).isBetween(25, 64);
            }
        }
        double all = data.families().size();
        assertThat(families.get("POMOC_RZECZOWA").size() / all).as("families with help in kind").isBetween(0.02, 0.08);
        assertThat(families.get("PRODUKTY_ZYWNOSCIOWE").size() / all).as("families with food products").isBetween(0.02, 0.08);
        assertThat(recipients.get("SKLADKA_EMERYTALNA_RENTOWA").size()).as("carers with pension contributions").isBetween(5, 60);
        for (String kind : List.of("ZASILEK_CELOWY", "SCHRONIENIE", "POSILEK", "UBRANIE", "null")) {
            assertThat(recipients.get("POMOC_CUDZOZIEMCOM/" + kind)).as("aid to foreigners: %s", kind).hasSizeGreaterThan(5);
        }
    }

    @Test
    void socialContractsAgreeWithTheSocialWorkFlagsAndTheFamily() {
        Map<String, List<Contract>> byFamily = data.contracts().stream().collect(Collectors.groupingBy(Contract::rodzinaId));
        Set<String> withWork = data.socialWork().stream().map(SocialWork::rodzinaId).collect(Collectors.toSet());
        assertIds(data.contracts().stream().map(Contract::kontraktId).toList(), "K\\d{6}");
        List<Long> days = new ArrayList<>();
        for (Contract c : data.contracts()) {
            String id = c.kontraktId();
            assertThat(withWork).as("family of %s gets social work", id).contains(c.rodzinaId());
            Membership signer = membershipOf(c.rodzinaId(), c.osobaId());
            assertThat(signer != null && on(signer, c.from())).as("signer of %s is a member on %s", id, c.from()).isTrue();
            assertThat(c.from()).as(id).isBeforeOrEqualTo(DEMO.lastDay());
            if (c.to() != null) {
                assertThat(c.to()).as(id).isAfterOrEqualTo(c.from()).isBeforeOrEqualTo(DEMO.lastDay());
                days.add(java.time.temporal.ChronoUnit.DAYS.between(c.from(), c.to()) + 1);
            }
            long members = membershipsByFamily.get(c.rodzinaId()).stream().filter(m -> on(m, c.from())).count();
            assertThat((long) c.persons()).as("persons covered by %s", id).isBetween(1L, members);
        }
        byFamily.values().forEach(list -> {
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i - 1).to()).as("contracts of %s do not overlap", list.get(i).rodzinaId()).isNotNull()
                        .isBefore(list.get(i).from());
            }
        });
        for (SocialWork w : data.socialWork()) {
            boolean inForce = byFamily.getOrDefault(w.rodzinaId(), List.of()).stream()
                    .anyMatch(c -> !w.date().isBefore(c.from()) && (c.to() == null || !w.date().isAfter(c.to())));
            assertThat(w.contract()).as("kontrakt flag of %s on %s", w.rodzinaId(), w.date()).isEqualTo(inForce);
        }
        assertThat((double) byFamily.size() / withWork.size()).as("social-work families with a contract").isBetween(0.10, 0.20);
        assertThat(data.contracts().stream().filter(c -> c.to() == null).count()).as("still in force").isGreaterThan(100);
        assertThat(data.contracts().stream().filter(c -> c.from().isBefore(DEMO.firstDay())).count())
                .as("signed before the period").isGreaterThan(20);
        assertThat(data.contracts().stream().filter(c -> c.persons() > 1).count()).as("covering more persons").isGreaterThan(100);
        days.sort(null);
        assertThat(days.get(days.size() / 2)).as("median length of an ended contract (days)").isBetween(60L, 300L);
    }

    @Test
    void helpWithoutADecisionNamesAMemberOrTheFamilyOnADayItHasAnApplicant() {
        Set<String> families = data.families().stream().map(Family::rodzinaId).collect(Collectors.toSet());
        long withoutPerson = 0;
        Map<String, Set<String>> familiesByKind = new HashMap<>();
        for (Support s : data.support()) {
            assertThat(families).contains(s.rodzinaId());
            assertThat(s.date()).isBetween(DEMO.firstDay(), DEMO.lastDay());
            assertThat(s.kind()).isIn(ContractVersion2.SUPPORT_KINDS);
            if (s.osobaId() != null) {
                Membership m = membershipOf(s.rodzinaId(), s.osobaId());
                assertThat(m != null && on(m, s.date())).as("%s helped on %s is a member of %s", s.osobaId(), s.date(),
                        s.rodzinaId()).isTrue();
            } else {
                withoutPerson++;
                assertThat(membershipsByFamily.get(s.rodzinaId()).stream()
                        .anyMatch(m -> m.role().equals("WNIOSKODAWCA") && on(m, s.date())))
                        .as("%s has an applicant on %s (a row without a person counts the applicant)", s.rodzinaId(), s.date())
                        .isTrue();
            }
            familiesByKind.computeIfAbsent(s.kind(), k -> new HashSet<>()).add(s.rodzinaId());
        }
        assertThat((double) withoutPerson / data.support().size()).as("rows without a person").isBetween(0.10, 0.35);
        double all = data.families().size();
        assertThat(familiesByKind.get("INTERWENCJA_KRYZYSOWA").size() / all).isBetween(0.02, 0.06);
        assertThat(familiesByKind.get("PORADNICTWO_PRAWNE").size() / all).isBetween(0.03, 0.08);
        assertThat(familiesByKind.get("PORADNICTWO_PSYCHOLOGICZNE").size() / all).isBetween(0.03, 0.08);
        assertThat(familiesByKind.get("PORADNICTWO_RODZINNE").size() / all).isBetween(0.01, 0.05);
        // crisis intervention goes mostly where there is violence
        Set<String> violence = data.decisions().stream().filter(d -> d.reasons().contains("PRZEMOC")).map(Decision::rodzinaId)
                .collect(Collectors.toSet());
        long violenceHelped = familiesByKind.get("INTERWENCJA_KRYZYSOWA").stream().filter(violence::contains).count();
        double shareWithViolence = (double) violenceHelped / violence.size();
        double shareOthers = (double) (familiesByKind.get("INTERWENCJA_KRYZYSOWA").size() - violenceHelped) / (all - violence.size());
        assertThat(shareWithViolence).isGreaterThan(5 * shareOthers);
    }

    /**
     * The demo shows every row filled: in every complete half-year of the data set (P and R), every row of the
     * 2025.2 layout that version 2 adds has data, and so has every form and sub-type of the dictionaries (the
     * predicates of {@code shared/spec/mrpips03.md}, "Layout 2025.2", written out here).
     */
    @Test
    void everyRowOfLayout2025Point2HasDataInEveryHalfYear() {
        Map<String, Person> persons = persons();
        Map<String, java.util.function.Predicate<Benefit>> rows = new LinkedHashMap<>();
        rows.put("ZASILEK_STALY_SAMOTNI (podtyp)", b -> b.form().equals("ZASILEK_STALY") && "SAMOTNIE".equals(b.subtype()));
        rows.put("ZASILEK_STALY_W_RODZINIE (podtyp)", b -> b.form().equals("ZASILEK_STALY") && "W_RODZINIE".equals(b.subtype()));
        rows.put("ZASILEK_STALY bez podtypu", b -> b.form().equals("ZASILEK_STALY") && b.subtype() == null);
        rows.put("ZASILEK_OKRESOWY KWOTA_DOTACJA", b -> b.form().equals("ZASILEK_OKRESOWY") && "DOTACJA".equals(b.financing()));
        rows.put("ZASILEK_OKRESOWY KWOTA_SRODKI_WLASNE",
                b -> b.form().equals("ZASILEK_OKRESOWY") && "SRODKI_WLASNE".equals(b.financing()));
        rows.put("ZASILEK_OKRESOWY_NIEZALEZNIE_OD_DOCHODU",
                b -> b.form().equals("ZASILEK_OKRESOWY") && b.markerList().contains("NIEZALEZNIE_OD_DOCHODU"));
        rows.put("ZASILEK_CELOWY_BEZDOMNI",
                b -> b.form().equals("ZASILEK_CELOWY") && decisions.get(b.decyzjaId()).reasons().contains("BEZDOMNOSC"));
        rows.put("POSILEK_DORAZNIE", b -> b.form().equals("POSILEK") && b.markerList().contains("DORAZNIE"));
        rows.put("POSILEK_DZIECI_DORAZNIE",
                b -> b.form().equals("POSILEK") && "DZIECI".equals(b.subtype()) && b.markerList().contains("DORAZNIE"));
        rows.put("PRODUKTY_ZYWNOSCIOWE_DORAZNIE", b -> b.form().equals("PRODUKTY_ZYWNOSCIOWE") && b.markerList().contains("DORAZNIE"));
        rows.put("SCHRONIENIE_KRYZYS_MASOWY", b -> b.form().equals("SCHRONIENIE") && b.markerList().contains("KRYZYS_MASOWY"));
        rows.put("USLUGI_OPIEKUNCZE_DZIECI", b -> b.form().equals("USLUGI_OPIEKUNCZE") && java.time.Period.between(persons.get(
                b.osobaId() != null ? b.osobaId() : decisions.get(b.decyzjaId()).osobaId()).birthDate(), b.date()).getYears() < 18);
        for (String form : taskOfForm().keySet()) {
            rows.put(form, b -> b.form().equals(form));
        }
        for (String subtype : subtypes()) {
            rows.put(subtype, b -> subtype.equals(b.form() + "/" + b.subtype()));
        }
        int checked = 0;
        for (int year = DEMO.firstMonth().getYear(); year <= DEMO.lastMonth().getYear(); year++) {
            for (int lastMonth : new int[] {6, 12}) {
                LocalDate from = LocalDate.of(year, 1, 1);
                LocalDate to = YearMonth.of(year, lastMonth).atEndOfMonth();
                if (from.isBefore(DEMO.firstDay()) || to.isAfter(DEMO.lastDay())) {
                    continue;
                }
                checked++;
                List<Benefit> inPeriod = data.benefits().stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
                List<String> empty = new ArrayList<>();
                rows.forEach((row, predicate) -> {
                    if (inPeriod.stream().noneMatch(predicate)) {
                        empty.add(row);
                    }
                });
                for (String kind : ContractVersion2.SUPPORT_KINDS) {
                    if (data.support().stream().noneMatch(s -> s.kind().equals(kind) && !s.date().isBefore(from) && !s.date().isAfter(to))) {
                        empty.add(kind);
                    }
                }
                if (data.contracts().stream().noneMatch(c -> !c.from().isAfter(to) && (c.to() == null || !c.to().isBefore(from)))) {
                    empty.add("KONTRAKTY_SOCJALNE");
                }
                assertThat(empty).as("rows without data in %d-%s", year, lastMonth == 6 ? "P" : "R").isEmpty();
            }
        }
        assertThat(checked).as("complete half-years in the demo period").isEqualTo(3);
    }

    /**
     * With the dictionaries shipped in {@code config/} (whatever contract version they are at), every form, sub-type
     * and marker they list appears and nothing else does: the generator knows every code the shipped dictionaries
     * have (a code it does not know would leave a row of the return empty in the demo).
     */
    @Test
    void theShippedDictionariesAreUsedWholly() {
        Set<String> forms = new HashSet<>();
        Set<String> subtypes = new HashSet<>();
        Set<String> markers = new HashSet<>();
        new SyntheticDataGenerator().generate(DEMO, new GeneratedRowSink() {
            @Override
            public void benefit(Benefit b) {
                forms.add(b.form());
                if (b.subtype() != null) {
                    subtypes.add(b.form() + "/" + b.subtype());
                }
                markers.addAll(b.markerList());
            }

            @Override
            public void family(Family family) {
            }

            @Override
            public void person(Person person) {
            }

            @Override
            public void membership(Membership membership) {
            }

            @Override
            public void decision(Decision decision) {
            }

            @Override
            public void socialWork(SocialWork socialWork) {
            }

            @Override
            public void contract(Contract contract) {
            }

            @Override
            public void support(Support support) {
            }

            @Override
            public void plan(PlanLine line) {
            }
        });
        assertThat(forms).isEqualTo(shippedForms().keySet());
        assertThat(subtypes).isEqualTo(shippedSubtypes());
        assertThat(markers).isEqualTo(csvIfPresent("config/slowniki/cechy.csv").stream().map(row -> row[0])
                .collect(Collectors.toSet()));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertIds(List<String> ids, String pattern) {
        assertThat(ids).allMatch(id -> id.matches(pattern));
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    /** form → default task: the shipped dictionaries and the forms contract version 2 adds (WLASNE) */
    private static Map<String, String> taskOfForm() {
        Map<String, String> taskOf = shippedForms();
        ContractVersion2.NEW_FORMS.forEach(form -> taskOf.putIfAbsent(form, "WLASNE"));
        return taskOf;
    }

    /** "FORM/SUBTYPE": the shipped dictionaries and the sub-types contract version 2 adds */
    private static Set<String> subtypes() {
        Set<String> allowed = shippedSubtypes();
        ContractVersion2.NEW_SUBTYPES.forEach((form, codes) -> codes.forEach(code -> allowed.add(form + "/" + code)));
        return allowed;
    }

    /** form → default task of {@code config/slowniki/formy.csv} and, when the build has it, {@code formy-wersja-2.csv} */
    private static Map<String, String> shippedForms() {
        Map<String, String> taskOf = new HashMap<>();
        for (String file : List.of("config/slowniki/formy.csv", "config/slowniki/formy-wersja-2.csv")) {
            for (String[] row : csvIfPresent(file)) {
                taskOf.put(row[0], row[2]);
            }
        }
        return taskOf;
    }

    /** "FORM/SUBTYPE" of {@code config/slowniki/podtypy.csv} and, when the build has it, {@code podtypy-wersja-2.csv} */
    private static Set<String> shippedSubtypes() {
        Set<String> allowed = new HashSet<>();
        for (String file : List.of("config/slowniki/podtypy.csv", "config/slowniki/podtypy-wersja-2.csv")) {
            for (String[] row : csvIfPresent(file)) {
                allowed.add(row[0] + "/" + row[1]);
            }
        }
        return allowed;
    }

    /** the rows of a file that is required ({@code formy.csv}…) or optional (the version-2 files, {@code cechy.csv}) */
    private static List<String[]> csvIfPresent(String resource) {
        boolean required = !resource.contains("wersja-2") && !resource.endsWith("cechy.csv");
        return required || GeneratorInvariantsTest.class.getClassLoader().getResource(resource) != null ? csv(resource) : List.of();
    }

    private Map<String, Person> persons() {
        return data.persons().stream().collect(Collectors.toMap(Person::osobaId, p -> p));
    }

    private Membership membershipOf(String family, String person) {
        return membershipsByFamily.getOrDefault(family, List.of()).stream().filter(m -> m.osobaId().equals(person))
                .findFirst().orElse(null);
    }

    private static boolean on(Membership m, LocalDate day) {
        return !day.isBefore(m.from()) && (m.to() == null || !day.isAfter(m.to()));
    }

    /** rows of a {@code ;}-separated file on the classpath, without the header */
    static List<String[]> csv(String resource) {
        InputStream in = GeneratorInvariantsTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> column(String resource, int index) {
        return csv(resource).stream().map(row -> row[index]).collect(Collectors.toSet());
    }

    /** An independent PESEL check: checksum, date with the century coded in the month, sex digit. */
    static final class PeselCheck {

        private PeselCheck() {
        }

        /** @return {@code null} when valid, else what is wrong */
        static String problem(String pesel, LocalDate birthDate, char sex) {
            if (pesel == null || !pesel.matches("\\d{11}")) {
                return "not 11 digits";
            }
            int[] d = pesel.chars().map(c -> c - '0').toArray();
            int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += d[i] * weights[i];
            }
            if ((10 - sum % 10) % 10 != d[10]) {
                return "checksum";
            }
            int month = d[2] * 10 + d[3];
            int century;
            if (month >= 81 && month <= 92) {
                century = 1800;
            } else if (month >= 1 && month <= 12) {
                century = 1900;
            } else if (month >= 21 && month <= 32) {
                century = 2000;
            } else if (month >= 41 && month <= 52) {
                century = 2100;
            } else if (month >= 61 && month <= 72) {
                century = 2200;
            } else {
                return "month";
            }
            LocalDate coded;
            try {
                coded = LocalDate.of(century + d[0] * 10 + d[1], month % 20, d[4] * 10 + d[5]);
            } catch (java.time.DateTimeException e) {
                return "date";
            }
            if (!coded.equals(birthDate)) {
                return "birth date " + coded + " ≠ " + birthDate;
            }
            char codedSex = d[9] % 2 == 0 ? 'K' : 'M';
            if (codedSex != sex) {
                return "sex";
            }
            return null;
        }
    }
}
