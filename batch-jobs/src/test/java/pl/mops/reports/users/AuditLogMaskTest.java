package pl.mops.reports.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What looks like a PESEL never reaches the audit log; a launch's ticket (a UUID) stays whole. */
class AuditLogMaskTest {

    @Test
    void elevenDigitsAreMaskedButNotInsideATicket() {
        // this ticket's last group holds 11 decimal digits in a row (about one ticket in a hundred does)
        assertThat(AuditLog.mask("statystyka miesięczna za 2025-03; zgłoszenie 80ad6b71-7a96-4608-a6cc-e11375666796"))
                .isEqualTo("statystyka miesięczna za 2025-03; zgłoszenie 80ad6b71-7a96-4608-a6cc-e11375666796");
        assertThat(AuditLog.mask("sprawy osoby 44051401359; zgłoszenie 80ad6b71-7a96-4608-a6cc-e11375666796, "
                + "PESEL:02270803628"))
                .isEqualTo("sprawy osoby ***********; zgłoszenie 80ad6b71-7a96-4608-a6cc-e11375666796, "
                        + "PESEL:***********");
        assertThat(AuditLog.mask("44051401359")).isEqualTo("***********");
        assertThat(AuditLog.mask("x-44051401359-y 123456789012")).isEqualTo("x-***********-y 123456789012");
        assertThat(AuditLog.mask(null)).isNull();
    }
}
