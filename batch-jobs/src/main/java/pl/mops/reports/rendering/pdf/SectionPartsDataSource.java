package pl.mops.reports.rendering.pdf;

import java.util.List;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/** The parts of one section as the detail records of the section template. */
final class SectionPartsDataSource implements JRDataSource {

    private final List<SectionPart> parts;
    private int index = -1;

    SectionPartsDataSource(List<SectionPart> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public boolean next() {
        index++;
        return index < parts.size();
    }

    @Override
    public Object getFieldValue(JRField field) {
        return parts.get(index).field(field.getName());
    }
}
