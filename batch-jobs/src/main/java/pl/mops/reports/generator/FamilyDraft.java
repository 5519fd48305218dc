package pl.mops.reports.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated family before ids are given out: its members, decisions, benefits, social work, social
 * contracts and help without a decision, linked by object references. {@link SyntheticDataGenerator}
 * numbers and emits them.
 */
final class FamilyDraft {

    String district;
    String branch;
    String area;
    final List<Member> members = new ArrayList<>();
    final List<Dec> decisions = new ArrayList<>();
    final List<Ben> benefits = new ArrayList<>();
    final List<Work> socialWork = new ArrayList<>();
    final List<Contract> contracts = new ArrayList<>();
    final List<Support> support = new ArrayList<>();

    static final class Member {
        final LocalDate birthDate;
        final char sex;
        final String citizenship;
        final String incomeSource;
        final boolean hasPesel;
        final String role;
        LocalDate from;
        LocalDate to;
        String id;

        Member(LocalDate birthDate, char sex, String citizenship, String incomeSource, boolean hasPesel, String role) {
            this.birthDate = birthDate;
            this.sex = sex;
            this.citizenship = citizenship;
            this.incomeSource = incomeSource;
            this.hasPesel = hasPesel;
            this.role = role;
        }

        boolean memberOn(LocalDate day) {
            return from != null && !day.isBefore(from) && (to == null || !day.isAfter(to));
        }

        int ageOn(LocalDate day) {
            return java.time.Period.between(birthDate, day).getYears();
        }
    }

    static final class Dec {
        final LocalDate issued;
        final String kind;
        final List<String> reasons;
        final Member person;
        final int seq;
        int rows;
        String id;

        Dec(LocalDate issued, String kind, List<String> reasons, Member person, int seq) {
            this.issued = issued;
            this.kind = kind;
            this.reasons = reasons;
            this.person = person;
            this.seq = seq;
        }
    }

    /**
     * {@code recipient} {@code null} = the field is left empty (the decision's person); {@code markers}: bits of
     * {@link GeneratorDictionaries#MARKERS} (written only for the markers the dictionary has)
     */
    record Ben(Dec decision, Member recipient, String form, String subtype, String task, LocalDate date, int count,
               long cents, String financing, int markers, int seq) {
    }

    record Work(LocalDate date, boolean contract) {
    }

    /** a social contract signed by {@code signer} on {@code from}; {@code to} inclusive, {@code null} = in force */
    record Contract(Member signer, LocalDate from, LocalDate to, int persons) {
    }

    /** help without a decision on {@code date}; {@code person} {@code null} = the family (its applicant that day) */
    record Support(Member person, LocalDate date, String kind) {
    }
}
