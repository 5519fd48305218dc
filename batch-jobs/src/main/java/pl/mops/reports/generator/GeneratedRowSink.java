package pl.mops.reports.generator;

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
 * Receives the generated rows in file order: family after family (its row, persons, memberships,
 * decisions, benefits, social work, social contracts, help without a decision), then the plan lines at the end.
 */
public interface GeneratedRowSink {

    void family(Family family);

    void person(Person person);

    void membership(Membership membership);

    void decision(Decision decision);

    void benefit(Benefit benefit);

    void socialWork(SocialWork socialWork);

    void contract(Contract contract);

    void support(Support support);

    void plan(PlanLine line);
}
