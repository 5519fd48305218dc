package pl.mops.reports.mrpips03;

import java.util.Arrays;
import java.util.Optional;

/**
 * The attributes a layout row, column or section may filter on (the keys of a {@code warunek} in the
 * layout file). This enum is the whitelist: each attribute maps to a fixed SQL expression over the fact
 * table {@code f} ({@code sql/queries/mrpips03-facts.sql}) and an operator; the value always goes in as a
 * bound parameter. A layout that names any other key is rejected when it is read.
 */
public enum Attribute {

    /** task of the realisation: WLASNE or ZLECONE */
    ZADANIE("zadanie", Kind.TEXT, "f.zadanie", "=", Dependence.NONE),
    /** benefit form code (config/slowniki/formy.csv); a list means any of them */
    FORMA("forma", Kind.TEXT, "f.forma", "=", Dependence.NONE),
    /** sub-type code of the form */
    PODTYP("podtyp", Kind.TEXT, "f.podtyp", "=", Dependence.NONE),
    /**
     * true: a cash realisation; false: a non-cash one. Per form (the form dictionary's "pieniezna"), or, when the layout
     * says {@code pieniezne_wedlug: FORMA_I_PODTYP}, per (form, sub-type): the sub-type dictionary's flag overrides the
     * form's (the fact table's column is built accordingly)
     */
    PIENIEZNE("pieniezne", Kind.BOOLEAN, "f.pieniezna", "=", Dependence.NONE),
    /** true: the event is a realisation (a row of swiadczenia in the period) */
    SWIADCZENIE("swiadczenie", Kind.BOOLEAN, "(f.zdarzenie = 'S')", "=", Dependence.NONE),
    /** true: the event is social work (a row of praca_socjalna in the period) */
    PRACA_SOCJALNA("praca_socjalna", Kind.BOOLEAN, "(f.zdarzenie = 'P')", "=", Dependence.NONE),
    /** true: social work under a social contract; false: social work without one */
    KONTRAKT("kontrakt", Kind.BOOLEAN, "f.kontrakt", "=", Dependence.NONE),
    /** true: the family has no realisation in the period (an absence: such rows can shrink from P to R) */
    BEZ_SWIADCZEN("bez_swiadczen", Kind.BOOLEAN, "f.bez_swiadczen", "=", Dependence.ABSENCE),
    /** members of the family on its reference date */
    ROZMIAR_RODZINY("rozmiar_rodziny", Kind.INTEGER, "f.rozmiar", "=", Dependence.COMPOSITION),
    ROZMIAR_RODZINY_MIN("rozmiar_rodziny_min", Kind.INTEGER, "f.rozmiar", ">=", Dependence.COMPOSITION),
    ROZMIAR_RODZINY_MAX("rozmiar_rodziny_max", Kind.INTEGER, "f.rozmiar", "<=", Dependence.COMPOSITION),
    /** members with role DZIECKO aged under 18 on the reference date */
    DZIECI("dzieci", Kind.INTEGER, "f.dzieci", "=", Dependence.COMPOSITION),
    DZIECI_MIN("dzieci_min", Kind.INTEGER, "f.dzieci", ">=", Dependence.COMPOSITION),
    DZIECI_MAX("dzieci_max", Kind.INTEGER, "f.dzieci", "<=", Dependence.COMPOSITION),
    /** rodzina niepełna: an applicant, no spouse or partner, at least one child */
    NIEPELNA("niepelna", Kind.BOOLEAN, "f.niepelna", "=", Dependence.COMPOSITION),
    /** rodzina wielodzietna: at least 3 children */
    WIELODZIETNA("wielodzietna", Kind.BOOLEAN, "(f.dzieci >= 3)", "=", Dependence.COMPOSITION),
    /** the applicant on the reference date lives on a pension (EMERYTURA or RENTA) */
    EMERYCI("emeryci", Kind.BOOLEAN, "f.emeryci", "=", Dependence.COMPOSITION),
    /** the family's teren is WIES */
    WIES("wies", Kind.BOOLEAN, "f.wies", "=", Dependence.NONE),
    /** the family's teren: MIASTO or WIES */
    TEREN("teren", Kind.TEXT, "f.teren", "=", Dependence.NONE),
    /** a reason of the family in the period (union over its decisions with a realisation in the period) */
    POWOD("powod", Kind.TEXT, "f.powody", "ANY", Dependence.NONE),
    /** a reason of the realisation's own decision (not of the family's other decisions) */
    POWOD_DECYZJI("powod_decyzji", Kind.TEXT, "f.powody_decyzji", "ANY", Dependence.NONE),
    /** a marker of the realisation (swiadczenia.cechy, dictionary config/slowniki/cechy.csv) */
    CECHA("cecha", Kind.TEXT, "f.cechy", "ANY", Dependence.NONE),
    /** the realisation's financing: DOTACJA or SRODKI_WLASNE */
    FINANSOWANIE("finansowanie", Kind.TEXT, "f.finansowanie", "=", Dependence.NONE),
    /** true: a realisation whose financing is empty */
    BEZ_FINANSOWANIA("bez_finansowania", Kind.BOOLEAN, "(f.zdarzenie = 'S' AND f.finansowanie IS NULL)", "=",
            Dependence.NONE),
    /** true: a realisation without a sub-type */
    BEZ_PODTYPU("bez_podtypu", Kind.BOOLEAN, "(f.zdarzenie = 'S' AND f.podtyp IS NULL)", "=", Dependence.NONE),
    /** true: the recipient is under 18 on the realisation's date (whatever the role in the family) */
    SWIADCZENIOBIORCA_DZIECKO("swiadczeniobiorca_dziecko", Kind.BOOLEAN, "f.swiadczeniobiorca_dziecko", "=",
            Dependence.NONE),
    /**
     * the household of a realisation: SAMOTNIE or W_RODZINIE: its sub-type when it is one of these (zasiłek stały as
     * the decision says), else by family size (1 = SAMOTNIE, 2 or more = W_RODZINIE); may shrink with the period
     * because of the fallback
     */
    GOSPODARSTWO("gospodarstwo", Kind.TEXT, "f.gospodarstwo", "=", Dependence.COMPOSITION),
    /** the kind of help given without a decision (wsparcie.csv): INTERWENCJA_KRYZYSOWA, PORADNICTWO_PRAWNE, … */
    RODZAJ_WSPARCIA("rodzaj_wsparcia", Kind.TEXT, "f.rodzaj_wsparcia", "=", Dependence.NONE);

    /** what a value must be */
    public enum Kind { TEXT, INTEGER, BOOLEAN }

    /** why a row's count can legitimately shrink when the period grows (then R ≥ P is not checked) */
    public enum Dependence { NONE, COMPOSITION, ABSENCE }

    private final String key;
    private final Kind kind;
    private final String expression;
    private final String operator;
    private final Dependence dependence;

    Attribute(String key, Kind kind, String expression, String operator, Dependence dependence) {
        this.key = key;
        this.kind = kind;
        this.expression = expression;
        this.operator = operator;
        this.dependence = dependence;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public Dependence dependence() {
        return dependence;
    }

    public static Optional<Attribute> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    /**
     * The SQL condition for this attribute with the value bound as the named parameter {@code param}
     * (a list value is expanded by the named-parameter template into {@code (?, ?, …)}).
     */
    String sql(String param, boolean list) {
        if (operator.equals("ANY")) {
            return list ? expression + " && CAST(ARRAY[:" + param + "] AS text[])" : ":" + param + " = ANY(" + expression + ")";
        }
        if (list) {
            return expression + " IN (:" + param + ")";
        }
        return expression + " " + operator + " :" + param;
    }
}
