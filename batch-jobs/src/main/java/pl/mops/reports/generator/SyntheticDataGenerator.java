package pl.mops.reports.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.stereotype.Component;

import pl.mops.reports.generator.FamilyDraft.Ben;
import pl.mops.reports.generator.FamilyDraft.Dec;
import pl.mops.reports.generator.FamilyDraft.Member;
import pl.mops.reports.generator.FamilyDraft.Work;
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
 * Deterministic synthetic operational data in the interchange format ({@code shared/spec/interchange.md}),
 * shaped like MOPS Kraków. The same {@link GeneratorSettings} always give byte-identical files: every
 * random choice comes from a {@link SplittableRandom} seeded from (seed, family index), so each family is
 * independent of the others; ids are numbered in family order; no clock, no hash-ordered output.
 * Rows are streamed family by family, so memory does not grow with the number of families (except
 * one {@code long} per PESEL, kept to make PESEL numbers unique, and the per-year plan totals). The files are
 * those of contract version 2 (with {@code kontrakty.csv}, {@code wsparcie.csv} and the column {@code cechy}).
 *
 * <h2>Assumptions (Kraków-shaped, approximate)</h2>
 * <ul>
 * <li><b>Where:</b> the district is drawn with the weights of {@code config/ludnosc-dzielnic.csv}
 *     (figure for the last year of the period, else the nearest earlier, else the earliest); the branch
 *     ({@code filia}) is the district's branch from {@code config/slowniki/dzielnice.csv}, left empty for
 *     about 30 % of families (the loader derives it); {@code teren} is {@code WIES} for about 1 %.</li>
 * <li><b>Who:</b> about 55 % single persons (elderly 65–95 with a pension 21 %, ill or disabled of working
 *     age 17 %, unemployed 11 %, homeless 6 %, mostly men), couples without children 7 %, couples with
 *     1–6 children 16 %, single parents 14 % (2 % of them a grandparent raising orphaned grandchildren),
 *     pensioner families 8 %. About 2 % of families are foreigners (mostly UA), without PESEL;
 *     about 3 % of Polish persons have no PESEL either. Every PESEL is valid and agrees with the
 *     birth date and sex. During the period a child may be born (and join), a grown-up child may
 *     leave, a partner may join a single parent or a spouse leave. A person belongs to one family only,
 *     the applicant ({@code WNIOSKODAWCA}) stays for the whole history of the family (until the funeral
 *     for the few single persons who die); memberships start up to 45 days before the family's first
 *     decision.</li>
 * <li><b>When:</b> about 30 % of families are already helped when the period starts (first decision up
 *     to 2 years earlier for elderly, ill, homeless and pensioner families, up to 200 days for the others), the others start on a day spread evenly over the period. An assistance
 *     episode lasts a geometric number of months (mean 16 for elderly, ill, homeless and pensioner
 *     families, 7 for the others); 18 % of families come back for a second episode after a break of 2–9
 *     months; 30 % of episodes that end within the period end with an {@code UCHYLENIE}, which revokes all
 *     earlier decisions of the family (nothing is realised under them from its date on).</li>
 * <li><b>Reasons:</b> each family gets 1–3 reasons drawn by family type so that the shares follow
 *     MOPS Kraków 2017 (families by reason: choroba 9 759, ubóstwo 7 361, niepełnosprawność 7 320,
 *     bezrobocie 4 445, bezradność 2 011, bezdomność 1 019, …); the rarest reasons (handel ludźmi,
 *     klęska, sieroctwo, integracja cudzoziemców) are more frequent than in Kraków so that a demo-sized set
 *     has each of them in every half-year (klęska: about 0.25 % of families, so the disaster aid row is filled). Reasons fit the family: bezdomność for the homeless, bezradność and macierzyństwo for
 *     families with children, sieroctwo for grandparents with grandchildren, integracja cudzoziemców
 *     for foreigners. Each {@code PRZYZNANIE}, {@code ZMIANA} and {@code ODMOWA} carries the family's
 *     first reason and, mostly, the others.</li>
 * <li><b>Decisions and benefits:</b> every benefit has its own {@code PRZYZNANIE}; long-lasting ones are
 *     renewed (zasiłek stały every 12 months or never, usługi opiekuńcze and posiłki every 6 months,
 *     schronienie every 3, posiłki dla dzieci every school year) and changed by {@code ZMIANA} now and
 *     then and whenever the income criteria change (X 2015, X 2018, I 2022, I 2025; DPS fees every April);
 *     rows after a {@code ZMIANA} are realised under it. About 6 % of decisions are {@code ODMOWA} with
 *     reasons and no benefits. Realisations lie in the period, after their decision:
 *     cash benefits on a payment day (10th–25th), services on the last day of the month.</li>
 * <li><b>Forms:</b> zasiłek stały = criterion − income, 30 zł … maximum (1 229 zł from 2025), with a health
 *     contribution of 9 % for recipients without a pension; zasiłek okresowy for 3–6 months, sub-type from
 *     the family's reason; zasiłek celowy 100–1 500 zł now and then; posiłek 15–22 meals at 12–20 zł
 *     (children: school months only, sub-type {@code DZIECI}, the child as recipient); usługi opiekuńcze
 *     20–80 hours at about 35 zł (specialised ones for 15 %, about 50 zł); DPS 3 000–5 500 zł a month for
 *     a few elderly; schronienie for the homeless by nights (ogrzewalnia in winter only); ubranie,
 *     pogrzeb (single persons, {@code BEZDOMNI} for the homeless), specjalny zasiłek celowy and
 *     ekonomiczne usamodzielnienie rarely; the commissioned tasks (specialised services for children
 *     with mental disorders, guardian's pay, disaster aid for {@code KLESKA} families, aid to foreigners
 *     in an integration programme) rarely. {@code finansowanie} is {@code DOTACJA} for zasiłek stały
 *     and commissioned tasks, else {@code SRODKI_WLASNE}, empty for 5 %; {@code zadanie} is
 *     written out for 10 % (always the form's default); the recipient is left empty for about 65 % of
 *     the applicant's rows.</li>
 * <li><b>Contract version 2</b> ({@code interchange.md} "Additions"; only the codes the dictionaries have, see
 *     {@link GeneratorDictionaries}; shares measured on the demo set, 15 000 families over 2 years):
 *   <ul>
 *   <li>zasiłek stały: sub-type {@code SAMOTNIE} / {@code W_RODZINIE} as the decision says (the family's size on
 *       the day the decision was issued, so it can differ from the size at a later payment); 12 % of decisions
 *       leave it empty (the return classifies those by family size); every row of a decision has the same one
 *       (≈ 79 % / 8 % / 13 % of the rows);</li>
 *   <li>zasiłek okresowy: {@code finansowanie} on every row: the state grant ({@code DOTACJA}) pays it, own
 *       funds pay 5 % of the decisions wholly and every December payment (the year's grant used up): ≈ 13 % of
 *       the amount from own funds. When an unemployed recipient takes up work (15 % of the grants for
 *       unemployment, 5 % of the others, recipients under 60) the zasiłek goes on regardless of income for 1–3
 *       months under a {@code ZMIANA} ({@code cechy} {@code NIEZALEZNIE_OD_DOCHODU}, ≈ 3 % of the rows), then ends;</li>
 *   <li>meals: {@code PROGRAM_POSILEK} (financed by "Posiłek w szkole i w domu", from 2019) on 85 % of the
 *       adults' and 92 % of the children's meal grants; ad-hoc meals ({@code DORAZNIE}, mostly also
 *       {@code PROGRAM_POSILEK}) for a month or two for children (sub-type {@code DZIECI}) without regular
 *       meals (10 %, 50 % in a crisis: sytuacja kryzysowa, zdarzenie losowe, przemoc, klęska) and for single
 *       adults without meals (5 %, homeless 25 %, crisis 30 %): ≈ 3 % of meal rows, 13 % of families with meals;
 *       60 % of the zasiłki celowe paid in two instalments (for food) are marked {@code PROGRAM_POSILEK};</li>
 *   <li>{@code PRODUKTY_ZYWNOSCIOWE}: food parcels month by month for 2–6 months (3 % of poor families: ubóstwo,
 *       bezrobocie, homeless; 0.5 % of others; 70 % {@code PROGRAM_POSILEK}) and ad hoc ({@code DORAZNIE}; 40 %
 *       in a crisis, 3.5 % of poor families, 1 % of others): ≈ 5 % of families, 40 % of the rows ad hoc;</li>
 *   <li>{@code POMOC_RZECZOWA} (fuel, furniture, appliances, 150–2 000 zł): 0.5–1.2 % of the months of an
 *       episode, ≈ 5 % of families; {@code SKLADKA_EMERYTALNA_RENTOWA} (art. 42): 3 % of the families with an
 *       ill or disabled member and a member of working age without income who cares for them, monthly about
 *       27.5 % of the minimum wage, the carer the recipient: a few dozen persons, as in a city of Kraków's size;</li>
 *   <li>shelter in a mass-scale crisis ({@code KRYZYS_MASOWY}): 60 % of the families hit by a disaster and
 *       50 % of those in a crisis situation, some nights in one or two months near the start of the episode,
 *       every member a recipient (≈ 2 % of shelter rows);</li>
 *   <li>aid to foreigners by kind, during the integration programme (foreign families with integracja
 *       cudzoziemców): zasiłek celowy 55 %, shelter in the first 1–3 months 50 %, meals for 2–6 months 45 %,
 *       clothes 55 %; the monthly integration cash stays without sub-type;</li>
 *   <li>usługi opiekuńcze for a child (specialised for 80 %): 10 % of families with children and
 *       niepełnosprawność, 3 % with choroba;</li>
 *   <li>{@code kontrakty.csv}: the 15 % of social-work families under a contract get one (20 %: a second one
 *       later), signed at a social-work visit by the applicant or (20 %) another adult member, 3–9 months,
 *       broken off after 20–75 days for 15 %; {@code do} empty when it runs past the end of the data; half of
 *       the contracts met at the first visits of the period were signed before it; {@code liczba_osob}: 1 for
 *       40 %, the whole family for 40 %, else 1…size. {@code praca_socjalna.kontrakt} is 1 exactly on the
 *       days a contract of the family is in force;</li>
 *   <li>{@code wsparcie.csv}: crisis intervention (2 % of families, + 60 % with przemoc, 40 % in a crisis, 70 %
 *       with handel ludźmi…), legal (3.5 % +), psychological (3.5 % +) and family counselling (3 % of families
 *       with children +): ≈ 3.5 / 5 / 5.5 / 2.5 % of families; a few sessions (weekdays, within the period, in
 *       one episode), each for one member or for the family (no person, only on days it has an applicant).</li>
 *   </ul></li>
 * <li><b>Social work:</b> 62 % of assisted families get social-work rows in about 3 of 4 months in which
 *     they are helped, 15 % of them under a social contract (see above); 4 % of families get social
 *     work only (some after an {@code ODMOWA}).</li>
 * <li><b>Plan:</b> for each year with realisations and each form realised in it, the plan is the
 *     year's total of that form in the file × a factor in [1.00, 1.15], rounded to whole hundreds of
 *     złoty (at least 100 zł).</li>
 * </ul>
 * With {@link GeneratorSettings#demo} the data has about 29 000 persons, 170 000 benefit rows, 1 450 contracts and
 * 6 000 rows of help without a decision.
 */
@Component
public class SyntheticDataGenerator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long PLAN_SALT = 0x504C414E5F46414CL;

    private volatile GeneratorDictionaries dictionaries;

    /** the generator of the dictionaries in {@code config/} on the classpath (read on first use) */
    public SyntheticDataGenerator() {
    }

    /** a generator of the given dictionaries (tests: codes the shipped dictionaries may not have yet) */
    SyntheticDataGenerator(GeneratorDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** streams the rows into the interchange CSV files in {@code dir} (created if missing) */
    public GenerationSummary writeCsv(GeneratorSettings settings, Path dir) {
        try (CsvRowSink sink = new CsvRowSink(dir)) {
            generate(settings, sink);
            return sink.commit();
        }
    }

    /** the same rows in memory (for tests and small sets) */
    public GeneratedData collect(GeneratorSettings settings) {
        Collector collector = new Collector();
        generate(settings, collector);
        return new GeneratedData(collector.persons, collector.families, collector.memberships, collector.decisions,
                collector.benefits, collector.socialWork, collector.contracts, collector.support, collector.plan);
    }

    /** generates the rows of {@code settings} into {@code sink}, family by family, then the plan */
    public void generate(GeneratorSettings settings, GeneratedRowSink sink) {
        GeneratorDictionaries dict = dictionaries();
        FamilySimulator simulator = new FamilySimulator(dict, settings);
        Map<String, Integer> reasonOrder = new HashMap<>();
        for (String reason : dict.reasons()) {
            reasonOrder.put(reason, reasonOrder.size());
        }
        int firstYear = settings.firstMonth().getYear();
        long[][] totals = new long[settings.lastMonth().getYear() - firstYear + 1][dict.forms().size()];
        LongSet pesels = new LongSet();
        long persons = 0;
        long decisions = 0;
        long benefits = 0;
        long contracts = 0;
        LocalDate firstDay = settings.firstDay();

        for (int index = 0; index < settings.families(); index++) {
            SplittableRandom rng = new SplittableRandom(familySeed(settings.seed(), index));
            FamilyDraft draft = simulator.simulate(rng);
            String familyId = id("R", 6, index + 1L);
            sink.family(new Family(familyId, draft.district, draft.branch, draft.area));

            for (Member member : draft.members) {
                member.id = id("O", 7, ++persons);
                String pesel = member.hasPesel ? uniquePesel(member, rng, pesels) : null;
                sink.person(new Person(member.id, pesel, member.birthDate, member.sex, member.citizenship,
                        member.incomeSource));
            }
            for (Member member : draft.members) {
                sink.membership(new Membership(familyId, member.id, member.role, member.from, member.to));
            }

            List<Dec> kept = new ArrayList<>();
            for (Dec decision : draft.decisions) {
                if (decision.rows > 0 || !decision.issued.isBefore(firstDay)) {
                    kept.add(decision);
                }
            }
            kept.sort(Comparator.comparing((Dec d) -> d.issued).thenComparingInt(d -> d.seq));
            for (Dec decision : kept) {
                decision.id = id("D", 7, ++decisions);
                List<String> reasons = new ArrayList<>(decision.reasons);
                reasons.sort(Comparator.comparingInt(reasonOrder::get));
                sink.decision(new Decision(decision.id, familyId, decision.person.id, decision.issued, decision.kind, reasons));
            }

            List<Ben> rows = new ArrayList<>(draft.benefits);
            rows.sort(Comparator.comparing(Ben::date).thenComparingInt(Ben::seq));
            for (Ben row : rows) {
                BigDecimal amount = BigDecimal.valueOf(row.cents(), 2);
                sink.benefit(new Benefit(id("S", 9, ++benefits), row.decision().id,
                        row.recipient() == null ? null : row.recipient().id, row.form(), row.subtype(), row.task(),
                        row.date(), row.count(), amount, row.financing(), dict.markerField(row.markers())));
                totals[row.date().getYear() - firstYear][dict.form(row.form()).ordinal()] += row.cents();
            }
            for (Work work : draft.socialWork) {
                sink.socialWork(new SocialWork(familyId, work.date(), work.contract()));
            }
            for (FamilyDraft.Contract contract : draft.contracts) {
                sink.contract(new Contract(id("K", 6, ++contracts), familyId, contract.signer().id, contract.from(),
                        contract.to(), contract.persons()));
            }
            draft.support.sort(Comparator.comparing(FamilyDraft.Support::date)); // stable: same day keeps its order
            for (FamilyDraft.Support help : draft.support) {
                sink.support(new Support(familyId, help.person() == null ? null : help.person().id, help.date(), help.kind()));
            }
        }

        List<GeneratorDictionaries.Form> forms = new ArrayList<>(dict.forms().values());
        for (int y = 0; y < totals.length; y++) {
            for (GeneratorDictionaries.Form form : forms) {
                long cents = totals[y][form.ordinal()];
                if (cents > 0) {
                    sink.plan(new PlanLine(firstYear + y, form.code(), plan(settings.seed(), firstYear + y, form, cents)));
                }
            }
        }
    }

    /** the year's total × a deterministic factor in [1.00, 1.15], rounded to whole hundreds of złoty, ≥ 100 zł */
    private static BigDecimal plan(long seed, int year, GeneratorDictionaries.Form form, long cents) {
        SplittableRandom rng = new SplittableRandom(mix(mix(seed ^ PLAN_SALT) + GOLDEN_GAMMA * (year * 64L + form.ordinal())));
        long basisPoints = 10_000 + rng.nextInt(1_501);
        BigDecimal hundreds = BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000L * 100 * 100), 0, RoundingMode.HALF_UP);
        return hundreds.max(BigDecimal.ONE).multiply(BigDecimal.valueOf(100)).setScale(2);
    }

    private static String uniquePesel(Member member, SplittableRandom rng, LongSet used) {
        int serial = rng.nextInt(5000);
        for (int attempt = 0; attempt < 5000; attempt++) {
            String pesel = Pesel.of(member.birthDate, member.sex, (serial + attempt) % 5000);
            if (used.add(Long.parseLong(pesel))) {
                return pesel;
            }
        }
        return null;
    }

    /** the seed of family {@code index}: SplitMix64 of the seed and the index */
    static long familySeed(long seed, int index) {
        return mix(mix(seed) + GOLDEN_GAMMA * (index + 1L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** "O0000042": prefix and a zero-padded number (wider when the number needs it) */
    static String id(String prefix, int width, long number) {
        String digits = Long.toString(number);
        StringBuilder text = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }

    private GeneratorDictionaries dictionaries() {
        GeneratorDictionaries loaded = dictionaries;
        if (loaded == null) {
            synchronized (this) {
                loaded = dictionaries;
                if (loaded == null) {
                    loaded = GeneratorDictionaries.fromClasspath();
                    dictionaries = loaded;
                }
            }
        }
        return loaded;
    }

    private static final class Collector implements GeneratedRowSink {
        final List<Person> persons = new ArrayList<>();
        final List<Family> families = new ArrayList<>();
        final List<Membership> memberships = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();
        final List<Benefit> benefits = new ArrayList<>();
        final List<SocialWork> socialWork = new ArrayList<>();
        final List<Contract> contracts = new ArrayList<>();
        final List<Support> support = new ArrayList<>();
        final List<PlanLine> plan = new ArrayList<>();

        @Override
        public void family(Family family) {
            families.add(family);
        }

        @Override
        public void person(Person person) {
            persons.add(person);
        }

        @Override
        public void membership(Membership membership) {
            memberships.add(membership);
        }

        @Override
        public void decision(Decision decision) {
            decisions.add(decision);
        }

        @Override
        public void benefit(Benefit benefit) {
            benefits.add(benefit);
        }

        @Override
        public void socialWork(SocialWork work) {
            socialWork.add(work);
        }

        @Override
        public void contract(Contract contract) {
            contracts.add(contract);
        }

        @Override
        public void support(Support help) {
            support.add(help);
        }

        @Override
        public void plan(PlanLine line) {
            plan.add(line);
        }
    }

    /** an open-addressing set of positive longs (PESEL numbers), about 16 bytes per entry */
    static final class LongSet {
        private long[] table = new long[1 << 12];
        private int size;

        /** @return {@code false} when the value was already there */
        boolean add(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("only positive values");
            }
            if (size * 2 >= table.length) {
                grow();
            }
            int mask = table.length - 1;
            int i = (int) mix(value) & mask;
            while (table[i] != 0) {
                if (table[i] == value) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = value;
            size++;
            return true;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            size = 0;
            for (long value : old) {
                if (value != 0) {
                    add(value);
                }
            }
        }
    }
}
