package pl.mops.reports.importing.validation;

import java.util.List;

import pl.mops.reports.importing.InterchangeFile;

/** {@code praca_socjalna.csv} */
public final class SocialWorkRows implements RowRules {

    @Override
    public InterchangeFile file() {
        return InterchangeFile.PRACA_SOCJALNA;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(RowRules.text("rodzina_id"), RowRules.date("data"), new StagingColumn("kontrakt", "boolean"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        v[0] = in.required("rodzina_id");
        v[1] = in.date("data", true);
        String contract = in.raw("kontrakt");
        if (contract == null || contract.equals("0")) {
            v[2] = Boolean.FALSE;
        } else if (contract.equals("1")) {
            v[2] = Boolean.TRUE;
        } else {
            in.problem("kontrakt", contract, "kontrakt musi mieć wartość 1 (był kontrakt socjalny) albo 0 lub pustą, a jest „"
                    + contract + "”");
        }
    }
}
