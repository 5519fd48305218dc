package pl.mops.reports.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Generated rows in memory ({@link SyntheticDataGenerator#collect}), one list per interchange file,
 * each in file order. The records are the rows of the CSV files; a {@code null} is an empty field.
 */
public record GeneratedData(List<Person> persons, List<Family> families, List<Membership> memberships,
                            List<Decision> decisions, List<Benefit> benefits, List<SocialWork> socialWork,
                            List<Contract> contracts, List<Support> support, List<PlanLine> plan) {

    public GeneratedData {
        persons = List.copyOf(persons);
        families = List.copyOf(families);
        memberships = List.copyOf(memberships);
        decisions = List.copyOf(decisions);
        benefits = List.copyOf(benefits);
        socialWork = List.copyOf(socialWork);
        contracts = List.copyOf(contracts);
        support = List.copyOf(support);
        plan = List.copyOf(plan);
    }

    /** a row of {@code osoby.csv}; {@code pesel} and {@code incomeSource} may be {@code null} */
    public record Person(String osobaId, String pesel, LocalDate birthDate, char sex, String citizenship,
                         String incomeSource) {
    }

    /** a row of {@code rodziny.csv}; {@code branch} {@code null} = left empty (derived from the district) */
    public record Family(String rodzinaId, String district, String branch, String area) {
    }

    /** a row of {@code czlonkowie.csv}; {@code to} is inclusive, {@code null} = still a member */
    public record Membership(String rodzinaId, String osobaId, String role, LocalDate from, LocalDate to) {
    }

    /** a row of {@code decyzje.csv}; {@code reasons} empty = no value */
    public record Decision(String decyzjaId, String rodzinaId, String osobaId, LocalDate issued, String kind,
                           List<String> reasons) {
        public Decision {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * a row of {@code swiadczenia.csv}; {@code osobaId} {@code null} = the decision's person,
     * {@code task} {@code null} = the form's default, {@code subtype}/{@code financing} may be {@code null};
     * {@code markers}: the {@code cechy} field (codes separated by {@code |}), {@code null} = none
     */
    public record Benefit(String swiadczenieId, String decyzjaId, String osobaId, String form, String subtype,
                          String task, LocalDate date, int count, BigDecimal amount, String financing,
                          String markers) {

        /** the markers as a list, empty when there are none */
        public List<String> markerList() {
            return markers == null ? List.of() : List.of(markers.split("\\|"));
        }
    }

    /** a row of {@code praca_socjalna.csv} */
    public record SocialWork(String rodzinaId, LocalDate date, boolean contract) {
    }

    /** a row of {@code kontrakty.csv}; {@code to} inclusive, {@code null} = still in force */
    public record Contract(String kontraktId, String rodzinaId, String osobaId, LocalDate from, LocalDate to,
                           int persons) {
    }

    /** a row of {@code wsparcie.csv}; {@code osobaId} {@code null} = the family (its applicant on that day) */
    public record Support(String rodzinaId, String osobaId, LocalDate date, String kind) {
    }

    /** a row of {@code plan.csv} */
    public record PlanLine(int year, String form, BigDecimal amount) {
    }
}
