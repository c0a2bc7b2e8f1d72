package org.hvsim.scenario.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.scenario.validation.ValidationRow.Kind;
import org.junit.jupiter.api.Test;

/**
 * The quick validation (`hvsim validation --quick`, a few seconds) as a guard on the model: every
 * calibration row stays within its tolerance (or, with quick mode's two replications, its interval still
 * reaches the tolerance band), and every prediction row keeps its target (within 15 % or in the published
 * order). Rows with a stated known miss (docs/validation.md, "Rows that miss") are exempt; a row that
 * starts to meet its target is welcome, and its known miss should then be removed.
 */
class ValidationQuickTest {

    @Test
    void calibrationRowsStayWithinToleranceAndPredictionsKeepTheirOrder() throws Exception {
        List<ValidationRow> rows = ValidationRows.all();
        List<Validation.Result> results = Validation.run(rows, new Validation.Options(true, 2), line -> { });
        List<String> broken = new ArrayList<>();
        for (Validation.Result r : results) {
            ValidationRow row = r.row();
            if (row.knownMiss() != null) {
                continue;
            }
            boolean ok = row.kind() == Kind.CALIBRATION ? r.calibrationHolds() : r.met();
            if (!ok) {
                broken.add(row.group() + " " + row.quantity() + ": published " + row.published().text() + ", hvsim "
                        + r.hvsim().mean() + " [" + r.hvsim().ciLow() + ", " + r.hvsim().ciHigh() + "], "
                        + r.verdict());
            }
        }
        assertTrue(broken.isEmpty(), "validation rows off target:\n" + String.join("\n", broken));
        long predictions = rows.stream().filter(r -> r.kind() == Kind.PREDICTION).count();
        assertTrue(rows.size() >= 25 && predictions * 3 >= rows.size(), "at least 25 rows, a third predictions");
    }
}
