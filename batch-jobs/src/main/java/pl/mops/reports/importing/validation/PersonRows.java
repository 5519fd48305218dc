package pl.mops.reports.importing.validation;

import java.time.LocalDate;
import java.util.List;

import pl.mops.reports.importing.InterchangeFile;

/** {@code osoby.csv} */
public final class PersonRows implements RowRules {

    @Override
    public InterchangeFile file() {
        return InterchangeFile.OSOBY;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(RowRules.text("osoba_id"), RowRules.text("pesel"), RowRules.date("data_urodzenia"),
                RowRules.text("plec"), RowRules.text("obywatelstwo"), RowRules.text("zrodlo_dochodu"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        v[0] = in.id("osoba_id");
        LocalDate born = in.date("data_urodzenia", true);
        String sex = in.code("plec", true, ImportDictionaries.SEXES, "kod płci");
        String pesel = in.raw("pesel");
        if (pesel != null) {
            checkPesel(in, pesel, born, sex);
        }
        v[1] = pesel;
        v[2] = born;
        v[3] = sex;
        String citizenship = in.raw("obywatelstwo");
        if (citizenship == null) {
            v[4] = "PL";
        } else if (twoLetters(citizenship)) {
            v[4] = Codes.canonical(citizenship);
        } else {
            in.problem("obywatelstwo", citizenship, "obywatelstwo „" + citizenship
                    + "” nie jest dwuliterowym kodem kraju ISO 3166 (np. PL, UA)");
        }
        v[5] = in.code("zrodlo_dochodu", false, ImportDictionaries.INCOME_SOURCES, "kod źródła dochodu");
    }

    /** [A-Za-z]{2}, tested without compiling that pattern for every row (it showed in the import's profile) */
    private static boolean twoLetters(String value) {
        return value.length() == 2 && asciiLetter(value.charAt(0)) && asciiLetter(value.charAt(1));
    }

    private static boolean asciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static void checkPesel(FieldReader in, String pesel, LocalDate born, String sex) {
        if (!Pesel.hasElevenDigits(pesel)) {
            in.problem("pesel", pesel, "PESEL musi składać się z 11 cyfr");
            return;
        }
        if (!Pesel.checksumValid(pesel)) {
            in.problem("pesel", pesel, "błędna cyfra kontrolna numeru PESEL");
            return;
        }
        LocalDate encoded = Pesel.birthDate(pesel);
        if (encoded == null) {
            in.problem("pesel", pesel, "PESEL zawiera niepoprawną datę urodzenia");
            return;
        }
        if (born != null && !encoded.equals(born)) {
            in.problem("pesel", pesel, "PESEL niezgodny z datą urodzenia " + born + " (z numeru PESEL wynika " + encoded + ")");
        }
        if (sex != null && Pesel.sex(pesel) != sex.charAt(0)) {
            in.problem("pesel", pesel, "PESEL niezgodny z płcią " + sex + " (z numeru PESEL wynika "
                    + Pesel.sex(pesel) + ")");
        }
    }
}
