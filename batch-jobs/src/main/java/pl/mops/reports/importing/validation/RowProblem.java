package pl.mops.reports.importing.validation;

/** One problem of one row: the column (empty for the whole row), the offending value, a Polish message. */
public record RowProblem(String column, String value, String message) {
}
